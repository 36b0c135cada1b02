"""The trend figure: a region's line against its comparison group, the country and events.

Pure: DataFrames in, a plotly Figure out. Generated (sample) points are drawn hollow and the
legend says so; the value axis starts at zero, so a change is never drawn larger than it is.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.style import (
    MARKERS,
    PALETTE,
    build_figure,
    is_generated,
    marker_symbols,
    plotly_text,
    scatter,
    year_axis,
)
from dashboard.text.labels import SAMPLE_BADGE

HOLLOW_NOTE = f"Open punt: {SAMPLE_BADGE.lower()} (gegenereerd)"


@dataclass(frozen=True)
class Event:
    """A dated event to annotate on trend charts (e.g. the start of the cooperative)."""

    year: float  # fractional: January 2018 -> 2018.0, year-only -> mid-year
    label: str


def _hover_format(decimals: int) -> str:
    return f"%{{y:,.{decimals}f}}"


def _status_text(frame: pd.DataFrame) -> list[str]:
    return [f" ({SAMPLE_BADGE.lower()})" if hollow else "" for hollow in is_generated(frame)]


def _band_traces(band: pd.DataFrame, decimals: int) -> list[dict]:
    suffix = f" ({SAMPLE_BADGE.lower()})" if any(is_generated(band)) else ""
    return [
        scatter(
            x=band["year"],
            y=band["p75"],
            mode="lines",
            line={"width": 0},
            hoverinfo="skip",
            showlegend=False,
        ),
        scatter(
            x=band["year"],
            y=band["p25"],
            mode="lines",
            line={"width": 0},
            fill="tonexty",
            fillcolor="rgba(86,180,233,0.25)",
            name="Middelste 50% vergelijkingsgroep" + suffix,
            hovertemplate="25%: " + _hover_format(decimals) + "<extra></extra>",
        ),
        scatter(
            x=band["year"],
            y=band["median"],
            mode="lines+markers",
            name="Mediaan vergelijkingsgroep" + suffix,
            line={"color": PALETTE[4], "dash": "dash", "width": 2},
            marker={"symbol": marker_symbols(band, "triangle-up"), "size": 6, "color": PALETTE[4]},
            hovertemplate="Mediaan: " + _hover_format(decimals) + "<extra></extra>",
        ),
    ]


def _split_band(band: pd.DataFrame, breaks: list[int]) -> pd.DataFrame:
    """The band with empty rows at the breaks (all three of its lines stop there)."""
    if not breaks or band.empty:
        return band
    gaps = pd.DataFrame({"year": [year - 0.5 for year in breaks]})
    for column in ("p25", "median", "p75"):
        gaps[column] = float("nan")
    return pd.concat([band, gaps], ignore_index=True).sort_values("year", kind="stable")


LINE_COLOURS = (PALETTE[0], PALETTE[6], PALETTE[2])
LINE_DASHES = ("solid", "dot", "dashdot")


def _line_trace(frame: pd.DataFrame, *, name: str, decimals: int, style: int) -> dict:
    """A region's line (style 0), the country's (1) or a group's own figure (2): filled markers
    for real values, open markers for generated ones."""
    main = style == 0
    return scatter(
        x=frame["year"],
        y=frame["value"],
        mode="lines+markers",
        name=plotly_text(name),
        connectgaps=False,
        customdata=_status_text(frame),
        line={
            "color": LINE_COLOURS[style],
            "width": 3 if main else 1.5,
            "dash": LINE_DASHES[style],
        },
        marker={
            "symbol": marker_symbols(frame, MARKERS[style]),
            "size": 9 if main else 7,
            "color": LINE_COLOURS[style],
            "line": {"width": 2},
        },
        hovertemplate=f"{plotly_text(name)}: "
        + _hover_format(decimals)
        + "%{customdata}<extra></extra>",
    )


def _documented_trace(documented: pd.DataFrame) -> dict:
    return scatter(
        x=documented["year"],
        y=documented["value"],
        mode="markers+text",
        name="Genoemd in brondocument (eigen definitie)",
        text=[plotly_text(str(label)) for label in documented["label"]],
        textposition="top right",
        cliponaxis=False,
        marker={
            "symbol": "star",
            "size": 14,
            "color": PALETTE[5],
            "line": {"color": "black", "width": 1},
        },
        hovertemplate="%{text}<extra></extra>",
    )


def split_at_breaks(frame: pd.DataFrame, breaks: list[int], value: str = "value") -> pd.DataFrame:
    """The rows with an empty point half a year before each break, so the line stops there."""
    if not breaks or frame.empty:
        return frame
    gaps = pd.DataFrame({"year": [year - 0.5 for year in breaks], value: float("nan")})
    return pd.concat([frame, gaps], ignore_index=True).sort_values("year", kind="stable")


def _break_layout(breaks: list[int]) -> dict:
    """A dotted line and the words 'breuk in de reeks' where a series changes definition."""
    shapes = [
        {
            "type": "line",
            "x0": year - 0.5,
            "x1": year - 0.5,
            "y0": 0,
            "y1": 1,
            "yref": "paper",
            "line": {"color": "#a33", "dash": "dot", "width": 2},
        }
        for year in breaks
    ]
    labels = [
        {
            "x": year - 0.5,
            "y": 0.02,
            "yref": "paper",
            "text": "breuk in de reeks",
            "showarrow": False,
            "xanchor": "left",
            "yanchor": "bottom",
            "font": {"size": 10, "color": "#a33"},
            "bgcolor": "rgba(255,255,255,0.8)",
        }
        for year in breaks
    ]
    return {"shapes": shapes, "annotations": labels}


def _legend_note() -> dict:
    """A legend entry that explains the open markers (no data of its own)."""
    return scatter(
        x=[None],
        y=[None],
        mode="markers",
        name=HOLLOW_NOTE,
        hoverinfo="skip",
        marker={"symbol": "circle-open", "size": 9, "color": "#444", "line": {"width": 2}},
    )


def _event_layout(events: list[Event]) -> dict:
    """A dashed line per event with its number on top (the list under the chart names them).

    Numbers instead of sentences: they stay readable on a phone, and they never collide.
    Events closer than about half a year are stacked.
    """
    shapes = [
        {
            "type": "line",
            "x0": e.year,
            "x1": e.year,
            "y0": 0,
            "y1": 1,
            "yref": "paper",
            "line": {"color": "#555", "dash": "dashdot", "width": 1},
        }
        for e in events
    ]
    labels, level, previous = [], 0, None
    for number, event in enumerate(events, start=1):
        level = level + 1 if previous is not None and event.year - previous < 0.5 else 0
        previous = event.year
        labels.append(
            {
                "x": event.year,
                "y": 1 - 0.08 * (level % 4),
                "yref": "paper",
                "text": str(number),
                "hovertext": plotly_text(event.label),
                "showarrow": False,
                "yanchor": "top",
                "font": {"size": 11, "color": "#222"},
                "bgcolor": "#ffffff",
                "bordercolor": "#555",
                "borderpad": 2,
            }
        )
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
    breaks: list[int] | None = None,
    group_line: tuple[str, pd.DataFrame] | None = None,
) -> go.Figure:
    """The region's line against the middle 50% and median of its group and the country.

    The value axis starts at zero, so a change is never drawn larger than it is. At a break in
    the series (`breaks`: the first year of a new series) every line stops and a dotted line
    says so: the years on either side are not one series.
    """
    breaks = sorted(set(breaks or []))
    traces: list[dict] = _band_traces(_split_band(band, breaks), decimals) if len(band) else []
    if len(national):
        national_line = split_at_breaks(national, breaks)
        traces.append(_line_trace(national_line, name="Nederland", decimals=decimals, style=1))
    if group_line is not None and len(group_line[1]):
        group_rows = split_at_breaks(group_line[1], breaks)
        traces.append(_line_trace(group_rows, name=group_line[0], decimals=decimals, style=2))
    traces.append(
        _line_trace(split_at_breaks(series, breaks), name=name, decimals=decimals, style=0)
    )
    if documented is not None and len(documented):
        traces.append(_documented_trace(documented))
    if any(any(is_generated(frame)) for frame in (series, band, national) if len(frame)):
        traces.append(_legend_note())
    years = pd.concat([series["year"], band.get("year", pd.Series()), national["year"]])
    years = years[years == years.round()]  # not the half years that stop a line at a break
    x_range = [years.min() - 0.3, years.max() + 0.3] if len(years) else None
    events_layout, breaks_layout = _event_layout(events or []), _break_layout(breaks)
    layout = {
        "shapes": events_layout["shapes"] + breaks_layout["shapes"],
        "annotations": events_layout["annotations"] + breaks_layout["annotations"],
        "yaxis": {"title": {"text": y_label}, "rangemode": "tozero"},
        "xaxis": year_axis(years.tolist(), range=x_range),
        "legend": {"orientation": "h", "y": -0.15},
        "hovermode": "x unified",
    }
    return build_figure(traces, layout, height=380)
