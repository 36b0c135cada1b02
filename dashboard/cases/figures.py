"""Figures for the case pages: the shared milestone timeline and the participation ladder.

Pure functions: a DataFrame from the case marts in, a go.Figure out.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.style import GRID, PALETTE, build_figure, plotly_text, scatter

EARLIER_COLOUR, CURRENT_COLOUR = PALETTE[1], PALETTE[0]
PERIOD_SPREAD = 0.36  # horizontal distance between a case's successive ladder positions


def _wrap(text: str, width: int, joiner: str = "<br>") -> str:
    """Text from a case file, wrapped for a chart; escaped, so no <a href> or tag is rendered."""
    safe = plotly_text(str(text))
    return joiner.join(textwrap.wrap(safe, width)) or safe


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def period_label(from_year: float | None, to_year: float | None) -> str:
    """'2011–2012', '2013' or 'vanaf 2013'; '' when the period is unknown."""
    if from_year is None or pd.isna(from_year):
        return ""
    if to_year is None or pd.isna(to_year):
        return f"vanaf {int(from_year)}"
    if int(to_year) == int(from_year):
        return str(int(from_year))
    return f"{int(from_year)}–{int(to_year)}"


def _milestone_points(timeline: pd.DataFrame) -> pd.DataFrame:
    """One point per case and date; milestones on the same date share the point's text."""
    return (
        timeline.sort_values(["year_fraction", "position"])
        .groupby(["case_name", "date_text"], sort=False, as_index=False)
        .agg(
            year_fraction=("year_fraction", "first"),
            is_year_only=("is_year_only", "first"),
            marks_start=("marks_start", "any"),
            description=("description", lambda texts: "<br>".join(_wrap(t, 60) for t in texts)),
        )
    )


def _milestone_symbol(point: pd.Series) -> str:
    if point["marks_start"]:
        return "star"
    return "circle-open" if point["is_year_only"] else "diamond"


def timeline_figure(
    timeline: pd.DataFrame, *, height: int | None = None, width: int | None = None
) -> go.Figure:
    """Milestones of one or more cases on one time axis, each date at its own precision.

    A month date sits mid-month (filled diamond); a year-only date sits mid-year (open
    circle); the milestone marked as the case's start is a star. A fixed `width` (print) also
    drops the case names when there is only one case.
    """
    points = _milestone_points(timeline)
    names = list(dict.fromkeys(points.sort_values("year_fraction")["case_name"]))
    traces: list[dict] = []
    for index, name in enumerate(names):
        rows = points[points["case_name"] == name]
        colour = PALETTE[index % len(PALETTE)]
        traces.append(
            scatter(
                x=rows["year_fraction"],
                y=[_wrap(name, 40)] * len(rows),
                mode="lines+markers",
                showlegend=False,
                line={"color": colour, "width": 1},
                marker={
                    "size": 11,
                    "color": colour,
                    "symbol": [_milestone_symbol(p) for _, p in rows.iterrows()],
                    "line": {"width": 2, "color": colour},
                },
                text=[
                    f"<b>{plotly_text(str(d))}</b><br>{t}"
                    for d, t in zip(rows["date_text"], rows["description"], strict=True)
                ],
                hovertemplate="%{text}<extra>" + _wrap(name, 40) + "</extra>",
            )
        )
    traces += _precision_legend(has_start=bool(points["marks_start"].any()))
    layout = {
        "xaxis": _year_axis(timeline),
        "yaxis": {"autorange": "reversed", "title": None},
        "legend": {"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0},
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
    }
    figure = build_figure(traces, layout, height=height or max(260, 34 * len(names) + 130))
    return _fixed_width(figure, width, single=len(names) == 1, names_axis="yaxis")


def _fixed_width(
    figure: go.Figure, width: int | None, *, single: bool, names_axis: str
) -> go.Figure:
    """A figure of fixed width (fits a half A4 column); one case's name is the page's title."""
    if width is None:
        return figure
    figure.update_layout(width=width, autosize=False)
    if single:
        figure.update_layout({names_axis: {"showticklabels": False}})
    return figure


def _precision_legend(*, has_start: bool) -> list[dict]:
    """Legend-only entries that explain the marker shapes (meaning never rests on colour)."""
    keys = [("diamond", "Datum met maand"), ("circle-open", "Alleen het jaar bekend (midden)")]
    if has_start:
        keys.append(("star", "Start van de casus"))
    return [
        scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=label,
            marker={"symbol": symbol, "size": 10, "color": "#495057", "line": {"width": 2}},
        )
        for symbol, label in keys
    ]


def _year_axis(timeline: pd.DataFrame) -> dict:
    """Year labels in the middle of each year, grid lines at the year boundaries."""
    first, last = int(timeline["year"].min()), int(timeline["year"].max())
    years = list(range(first, last + 1))
    return {
        "range": [first - 0.1, last + 1.1],
        "tickvals": [year + 0.5 for year in years],
        "ticktext": [str(year) for year in years],
        "showgrid": False,
        "minor": {"tickvals": [*years, last + 1], "showgrid": True, "gridcolor": GRID},
    }


def _ladder_periods(ladder: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    """One row per case and period: its x position, steps and labels, in time order."""
    periods = (
        ladder.sort_values(["case_name", "period", "step_rank"])
        .groupby(["case_name", "period"], as_index=False)
        .agg(
            ranks=("step_rank", list),
            steps=("step", list),
            from_year=("from_year", "first"),
            to_year=("to_year", "first"),
            description=("description", "first"),
            is_current=("is_current", "first"),
        )
    )
    periods["column"] = periods["case_name"].map({name: i for i, name in enumerate(names)})
    order = periods.groupby("case_name")["period"].rank(method="first") - 1
    count = periods.groupby("case_name")["period"].transform("size")
    periods["x"] = periods["column"] + (order - (count - 1) / 2) * PERIOD_SPREAD
    periods["label"] = [
        period_label(a, b) for a, b in zip(periods.from_year, periods.to_year, strict=True)
    ]
    return periods


def _ladder_markers(periods: pd.DataFrame, step_labels: list[str], *, current: bool) -> dict:
    rows = periods[periods["is_current"] == current].explode(["ranks", "steps"])
    colour = CURRENT_COLOUR if current else EARLIER_COLOUR
    return scatter(
        x=rows["x"],
        y=rows["ranks"],
        mode="markers",
        name="Huidige of laatst beschreven positie" if current else "Eerdere positie",
        marker={
            "symbol": "circle" if current else "circle-open",
            "size": 13,
            "color": colour,
            "line": {"width": 2.5, "color": colour},
        },
        text=[
            f"<b>{_wrap(r.case_name, 40)}</b><br>{step_labels[int(r.ranks) - 1]}"
            f" ({r.label or 'hele periode'})<br>{_wrap(_text(r.description), 60)}"
            for r in rows.itertuples(index=False)
        ],
        hovertemplate="%{text}<extra></extra>",
    )


def _ladder_spans_and_labels(periods: pd.DataFrame) -> list[dict]:
    """A bar through the steps a period combines, and its years above it."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for row in periods.itertuples(index=False):
        xs += [row.x, row.x, None]
        ys += [min(row.ranks), max(row.ranks), None]
    spans = scatter(
        x=xs,
        y=ys,
        mode="lines",
        showlegend=False,
        hoverinfo="skip",
        line={"color": "#adb5bd", "width": 6},
    )
    labels = scatter(
        x=periods["x"],
        y=[max(ranks) + 0.3 for ranks in periods["ranks"]],
        mode="text",
        text=periods["label"],
        textfont={"size": 10, "color": "#343a40"},
        showlegend=False,
        hoverinfo="skip",
    )
    return [spans, labels]


def _ladder_arrows(periods: pd.DataFrame) -> list[dict]:
    """An arrow from each earlier position of a case to its next one (plain annotation dicts)."""
    arrows = []
    for _, rows in periods.groupby("case_name"):
        rows = rows.sort_values("period")
        for before, after in zip(
            rows.iloc[:-1].itertuples(), rows.iloc[1:].itertuples(), strict=True
        ):
            arrows.append(
                {
                    "x": after.x,
                    "y": sum(after.ranks) / len(after.ranks),
                    "ax": before.x,
                    "ay": sum(before.ranks) / len(before.ranks),
                    "xref": "x",
                    "yref": "y",
                    "axref": "x",
                    "ayref": "y",
                    "showarrow": True,
                    "arrowhead": 2,
                    "arrowsize": 1.2,
                    "arrowwidth": 1.5,
                    "arrowcolor": "#495057",
                    "standoff": 8,
                    "startstandoff": 8,
                    "text": "",
                }
            )
    return arrows


def ladder_figure(
    ladder: pd.DataFrame,
    *,
    step_labels: list[str],
    height: int | None = None,
    width: int | None = None,
) -> go.Figure:
    """Cases side by side on the five-step ladder, loslaten at the bottom, reguleren on top.

    Each position is a marker per step (a grey bar joins steps combined in one period), with
    its years above it; earlier positions are open, the current or last one filled, and an
    arrow points from each position to the next.
    """
    names = sorted(ladder["case_name"].unique())
    periods = _ladder_periods(ladder, names)
    traces = [
        *_ladder_spans_and_labels(periods),
        _ladder_markers(periods, step_labels, current=False),
        _ladder_markers(periods, step_labels, current=True),
    ]
    layout = {
        "annotations": _ladder_arrows(periods),
        "xaxis": {
            "tickvals": list(range(len(names))),
            "ticktext": [_wrap(name, 16) for name in names],
            "range": [-0.6, len(names) - 0.4],
            "showgrid": False,
            "zeroline": False,
            "tickfont": {"size": 11},
        },
        "yaxis": {
            "tickvals": list(range(1, len(step_labels) + 1)),
            "ticktext": step_labels,
            "range": [0.5, len(step_labels) + 0.75],
            "gridcolor": "#ced4da",
            "gridwidth": 2,
            "title": None,
        },
        "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
    }
    figure = build_figure(traces, layout, height=height or 440)
    return _fixed_width(figure, width, single=len(names) == 1, names_axis="xaxis")
