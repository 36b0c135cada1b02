"""Figures for the indicator pages: trend with comparison band, breakdown, survey points, budget.

Pure functions: DataFrames in, a plotly Figure out. Generated (sample) points are drawn hollow
and the legend says so; a hidden cell shows its symbol on hover instead of a bar.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.style import DASHES, MARKERS, PALETTE, new_figure
from dashboard.labels import SAMPLE_BADGE, format_number

PATTERNS = ("", "/", ".", "x", "-", "|", "+", "\\")  # bar fills that survive greyscale print
GENERATED = "generated"
HOLLOW_NOTE = f"Open punt: {SAMPLE_BADGE.lower()} (gegenereerd)"


@dataclass(frozen=True)
class Event:
    """A dated event to annotate on trend charts (e.g. the start of the cooperative)."""

    year: float  # fractional: January 2018 -> 2018.0, year-only -> mid-year
    label: str


def _hover_format(decimals: int) -> str:
    return f"%{{y:,.{decimals}f}}"


def _is_generated(frame: pd.DataFrame) -> list[bool]:
    if "status" not in frame:
        return [False] * len(frame)
    return [status == GENERATED for status in frame["status"]]


def _symbols(frame: pd.DataFrame, symbol: str) -> list[str]:
    """Per point: the filled symbol for real values, its open variant for generated ones."""
    return [f"{symbol}-open" if hollow else symbol for hollow in _is_generated(frame)]


def _status_text(frame: pd.DataFrame) -> list[str]:
    return [f" ({SAMPLE_BADGE.lower()})" if hollow else "" for hollow in _is_generated(frame)]


def _band_traces(band: pd.DataFrame, decimals: int) -> list[go.Scatter]:
    suffix = f" ({SAMPLE_BADGE.lower()})" if any(_is_generated(band)) else ""
    return [
        go.Scatter(
            x=band["year"], y=band["p75"], mode="lines", line={"width": 0},
            hoverinfo="skip", showlegend=False,
        ),
        go.Scatter(
            x=band["year"], y=band["p25"], mode="lines", line={"width": 0}, fill="tonexty",
            fillcolor="rgba(86,180,233,0.25)", name="Middelste 50% vergelijkingsgroep" + suffix,
            hovertemplate="25%: " + _hover_format(decimals) + "<extra></extra>",
        ),
        go.Scatter(
            x=band["year"], y=band["median"], mode="lines+markers",
            name="Mediaan vergelijkingsgroep" + suffix,
            line={"color": PALETTE[4], "dash": "dash", "width": 2},
            marker={"symbol": _symbols(band, "triangle-up"), "size": 6, "color": PALETTE[4]},
            hovertemplate="Mediaan: " + _hover_format(decimals) + "<extra></extra>",
        ),
    ]


def _line_trace(frame: pd.DataFrame, *, name: str, decimals: int, style: int) -> go.Scatter:
    """A region's line: filled markers for real values, open markers for generated ones."""
    main = style == 0
    return go.Scatter(
        x=frame["year"],
        y=frame["value"],
        mode="lines+markers",
        name=name,
        connectgaps=False,
        customdata=_status_text(frame),
        line={"color": PALETTE[0 if main else 6], "width": 3 if main else 1.5,
              "dash": "solid" if main else "dot"},
        marker={"symbol": _symbols(frame, MARKERS[style]), "size": 9 if main else 7,
                "color": PALETTE[0 if main else 6], "line": {"width": 2}},
        hovertemplate=f"{name}: " + _hover_format(decimals) + "%{customdata}<extra></extra>",
    )


def _documented_trace(documented: pd.DataFrame) -> go.Scatter:
    return go.Scatter(
        x=documented["year"],
        y=documented["value"],
        mode="markers+text",
        name="Genoemd in brondocument (eigen definitie)",
        text=documented["label"],
        textposition="top right",
        cliponaxis=False,
        marker={"symbol": "star", "size": 14, "color": PALETTE[5],
                "line": {"color": "black", "width": 1}},
        hovertemplate="%{text}<extra></extra>",
    )


def _legend_note() -> go.Scatter:
    """A legend entry that explains the open markers (no data of its own)."""
    return go.Scatter(
        x=[None], y=[None], mode="markers", name=HOLLOW_NOTE, hoverinfo="skip",
        marker={"symbol": "circle-open", "size": 9, "color": "#444", "line": {"width": 2}},
    )


def _event_layout(events: list[Event], x_range: list[float] | None) -> dict:
    """Dashed lines with labels; staggered so close events stay readable."""
    middle = sum(x_range) / 2 if x_range else 0  # labels right of the middle hang to the left
    shapes = [
        {"type": "line", "x0": e.year, "x1": e.year, "y0": 0, "y1": 1, "yref": "paper",
         "line": {"color": "#555", "dash": "dashdot", "width": 1}}
        for e in events
    ]
    labels = [
        {"x": e.year, "y": 1 - 0.09 * (i % 3), "yref": "paper", "text": e.label,
         "showarrow": False, "xanchor": "right" if e.year > middle else "left",
         "yanchor": "top", "font": {"size": 11}, "bgcolor": "rgba(255,255,255,0.85)"}
        for i, e in enumerate(events)
    ]
    # One layout update for all events: add_vline/add_annotation validate per call and cost
    # milliseconds each on every request.
    return {"shapes": shapes, "annotations": labels}


def trend_figure(
    series: pd.DataFrame,
    band: pd.DataFrame,
    national: pd.DataFrame,
    *,
    name: str,
    y_label: str,
    decimals: int = 0,
    events: list[Event] | None = None,
    documented: pd.DataFrame | None = None,
) -> go.Figure:
    """The region's line against the middle 50% and median of its group and the country.

    The value axis starts at zero, so a change is never drawn larger than it is.
    """
    figure = new_figure(height=380)
    traces: list[go.Scatter] = _band_traces(band, decimals) if len(band) else []
    if len(national):
        traces.append(_line_trace(national, name="Nederland", decimals=decimals, style=1))
    traces.append(_line_trace(series, name=name, decimals=decimals, style=0))
    if documented is not None and len(documented):
        traces.append(_documented_trace(documented))
    if any(_is_generated(frame) for frame in (series, band, national) if len(frame)):
        traces.append(_legend_note())
    figure.add_traces(traces)
    years = pd.concat([series["year"], band.get("year", pd.Series()), national["year"]])
    x_range = [years.min() - 0.3, years.max() + 0.3] if len(years) else None
    figure.update_layout(
        **_event_layout(events or [], x_range),
        yaxis={"title": y_label, "rangemode": "tozero"},
        xaxis={"dtick": 1, "title": None, "range": x_range},
        legend={"orientation": "h", "y": -0.15},
        hovermode="x unified",
    )
    return figure


def _cell_text(label: str, value: float, symbol: object, decimals: int) -> str:
    if symbol == "x":
        return f"{label}: x (geheim)"
    if symbol == ".":
        return f"{label}: . (niet gepubliceerd)"
    return f"{label}: {format_number(value, decimals)}"


def breakdown_figure(
    breakdown: pd.DataFrame,
    *,
    y_label: str,
    decimals: int = 0,
    selected_year: int | None = None,
    stacked: bool = True,
) -> go.Figure:
    """Bars per year by category (patterns as well as colours); hidden cells get no bar.

    Parts that do not add up to the total (e.g. overlapping forms of care) are grouped, never
    stacked, so no bar pretends to be a total.
    """
    figure = new_figure(height=380)
    categories = breakdown.drop_duplicates("category").sort_values("sort_order")
    symbols = breakdown["cell_symbol"] if "cell_symbol" in breakdown else pd.Series(None, breakdown.index)
    for index, row in enumerate(categories.itertuples(index=False)):
        rows = breakdown[breakdown["category"] == row.category]
        texts = [
            _cell_text(row.category_label, value, symbol, decimals)
            for value, symbol in zip(rows["value"], symbols[rows.index], strict=True)
        ]
        # A hidden cell gets zero height rather than NaN: Plotly restarts a stack at the axis
        # after a NaN and would misplace the bars above it.
        figure.add_trace(
            go.Bar(
                x=rows["year"],
                y=rows["value"].fillna(0),
                name=row.category_label,
                customdata=list(zip(rows["category"], texts, strict=True)),
                marker={"color": PALETTE[index % len(PALETTE)],
                        "pattern": {"shape": PATTERNS[index % len(PATTERNS)], "solidity": 0.3}},
                hovertemplate="%{customdata[1]}<extra></extra>",
            )
        )
    figure.update_layout(
        barmode="stack" if stacked else "group",
        yaxis_title=y_label,
        xaxis={"dtick": 1, "title": None},
        legend={"orientation": "h", "y": -0.15},
        clickmode="event",
    )
    if selected_year is not None:
        figure.add_vrect(
            x0=selected_year - 0.45, x1=selected_year + 0.45,
            line={"color": "black", "width": 2}, fillcolor="rgba(0,0,0,0)",
        )
    return figure


def points_figure(
    points: pd.DataFrame, band: pd.DataFrame, national: pd.DataFrame, *, name: str, y_label: str
) -> go.Figure:
    """Survey measurements as separate points (no line: they are years apart)."""
    figure = new_figure(height=320)
    if len(band):
        figure.add_trace(
            go.Scatter(
                x=band["year"], y=band["median"], mode="markers", name="Mediaan vergelijkingsgroep",
                error_y={"type": "data", "symmetric": False, "array": band["p75"] - band["median"],
                         "arrayminus": band["median"] - band["p25"], "color": PALETTE[4]},
                marker={"symbol": _symbols(band, MARKERS[2]), "size": 9, "color": PALETTE[4]},
            )
        )
    if len(national):
        figure.add_trace(
            go.Scatter(
                x=national["year"], y=national["value"], mode="markers", name="Nederland",
                marker={"symbol": _symbols(national, MARKERS[1]), "size": 9, "color": PALETTE[6]},
            )
        )
    figure.add_trace(
        go.Scatter(
            x=points["year"], y=points["value"], mode="markers+text", name=name,
            text=[format_number(v, 1) + "%" for v in points["value"]], textposition="middle right",
            marker={"symbol": _symbols(points, MARKERS[0]), "size": 12, "color": PALETTE[0]},
        )
    )
    figure.update_layout(
        yaxis={"title": y_label, "rangemode": "tozero"},
        xaxis={"dtick": 2, "title": None},
        legend={"orientation": "h", "y": -0.2},
    )
    return figure


def budget_figure(realised: pd.DataFrame, budget: pd.DataFrame, *, y_label: str) -> go.Figure:
    """Realised against budget per year: bars for realised, a marked line for the budget."""
    figure = new_figure(height=340)
    figure.add_trace(
        go.Bar(
            x=realised["year"], y=realised["value"], name="Gerealiseerd",
            marker={"color": PALETTE[0], "pattern": {"shape": "/"}},
            hovertemplate="Gerealiseerd: € %{y:,.0f}<extra></extra>",
        )
    )
    figure.add_trace(
        go.Scatter(
            x=budget["year"], y=budget["value"], name="Begroot", mode="lines+markers",
            line={"color": PALETTE[1], "dash": DASHES[1], "width": 2},
            marker={"symbol": _symbols(budget, MARKERS[3]), "size": 9},
            hovertemplate="Begroot: € %{y:,.0f}<extra></extra>",
        )
    )
    figure.update_layout(
        yaxis_title=y_label,
        xaxis={"dtick": 1, "title": None},
        legend={"orientation": "h", "y": -0.15},
        hovermode="x unified",
    )
    return figure
