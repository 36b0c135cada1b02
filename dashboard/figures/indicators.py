"""Figures for the indicator pages: trend with comparison band, breakdown, points, budget."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.style import DASHES, MARKERS, PALETTE, new_figure
from dashboard.labels import format_number

PATTERNS = ("", "/", ".", "x", "-", "|", "+", "\\")  # bar fills that survive greyscale print


@dataclass(frozen=True)
class Event:
    """A dated event to annotate on trend charts (e.g. the start of the cooperative)."""

    year: float  # fractional: January 2018 -> 2018.0, year-only -> mid-year
    label: str


def _hover_format(decimals: int) -> str:
    return f"%{{y:,.{decimals}f}}"


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
    """The municipality's line against the middle 50% and median of its group and the country."""
    figure = new_figure(height=380)
    if len(band):
        figure.add_trace(
            go.Scatter(
                x=band["year"],
                y=band["p75"],
                mode="lines",
                line={"width": 0},
                hoverinfo="skip",
                showlegend=False,
            )
        )
        figure.add_trace(
            go.Scatter(
                x=band["year"],
                y=band["p25"],
                mode="lines",
                line={"width": 0},
                fill="tonexty",
                fillcolor="rgba(86,180,233,0.25)",
                name="Middelste 50% vergelijkingsgroep",
                hovertemplate="25%: " + _hover_format(decimals) + "<extra></extra>",
            )
        )
        figure.add_trace(
            go.Scatter(
                x=band["year"],
                y=band["median"],
                mode="lines",
                name="Mediaan vergelijkingsgroep",
                line={"color": PALETTE[4], "dash": "dash", "width": 2},
                hovertemplate="Mediaan: " + _hover_format(decimals) + "<extra></extra>",
            )
        )
    if len(national):
        figure.add_trace(
            go.Scatter(
                x=national["year"],
                y=national["value"],
                mode="lines+markers",
                name="Nederland",
                line={"color": PALETTE[6], "dash": "dot", "width": 1.5},
                marker={"symbol": MARKERS[1], "size": 6},
                hovertemplate="Nederland: " + _hover_format(decimals) + "<extra></extra>",
            )
        )
    figure.add_trace(
        go.Scatter(
            x=series["year"],
            y=series["value"],
            mode="lines+markers",
            name=name,
            connectgaps=False,
            line={"color": PALETTE[0], "width": 3},
            marker={"symbol": MARKERS[0], "size": 8},
            hovertemplate=f"{name}: " + _hover_format(decimals) + "<extra></extra>",
        )
    )
    if documented is not None and len(documented):
        figure.add_trace(
            go.Scatter(
                x=documented["year"],
                y=documented["value"],
                mode="markers+text",
                name="Genoemd in brondocument",
                text=documented["label"],
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
        )
    years = pd.concat([series["year"], band.get("year", pd.Series()), national["year"]])
    x_range = [years.min() - 0.3, years.max() + 0.3] if len(years) else None
    middle = sum(x_range) / 2 if x_range else 0  # labels right of the middle hang to the left
    # One layout update for all events: add_vline/add_annotation validate per call and cost
    # milliseconds each on every request.
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
        for e in events or []
    ]
    labels = [
        {
            "x": e.year,
            "y": 1 - 0.09 * (i % 3),
            "yref": "paper",
            "text": e.label,
            "showarrow": False,
            "xanchor": "right" if e.year > middle else "left",
            "yanchor": "top",
            "font": {"size": 11},
            "bgcolor": "rgba(255,255,255,0.8)",
        }  # staggered so close events stay readable
        for i, e in enumerate(events or [])
    ]
    figure.update_layout(shapes=shapes, annotations=labels)
    figure.update_layout(
        yaxis_title=y_label,
        xaxis={"dtick": 1, "title": None, "range": x_range},
        legend={"orientation": "h", "y": -0.15},
        hovermode="x unified",
    )
    return figure


def breakdown_figure(
    breakdown: pd.DataFrame,
    *,
    y_label: str,
    decimals: int = 0,
    selected_year: int | None = None,
    stacked: bool = True,
    suppressed_text: str = "<10 (niet getoond)",
) -> go.Figure:
    """Bars per year by category (patterns as well as colours); suppressed cells are left out."""
    figure = new_figure(height=380)
    categories = breakdown.drop_duplicates("category").sort_values("sort_order")
    for index, row in enumerate(categories.itertuples(index=False)):
        rows = breakdown[breakdown["category"] == row.category]
        hidden = rows["value"].isna()
        # A suppressed cell gets no bar: zero height rather than NaN, because Plotly restarts a
        # stack at the axis after a NaN and would misplace the bars above it.
        figure.add_trace(
            go.Bar(
                x=rows["year"],
                y=rows["value"].fillna(0),
                name=row.category_label,
                customdata=list(
                    zip(
                        rows["category"],
                        [
                            f"{row.category_label}: "
                            + (suppressed_text if is_hidden else format_number(value, decimals))
                            for value, is_hidden in zip(rows["value"], hidden, strict=True)
                        ],
                        strict=True,
                    )
                ),
                marker={
                    "color": PALETTE[index % len(PALETTE)],
                    "pattern": {"shape": PATTERNS[index % len(PATTERNS)], "solidity": 0.3},
                },
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
            x0=selected_year - 0.45,
            x1=selected_year + 0.45,
            line={"color": "black", "width": 2},
            fillcolor="rgba(0,0,0,0)",
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
                x=band["year"],
                y=band["median"],
                mode="markers",
                name="Mediaan vergelijkingsgroep",
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": band["p75"] - band["median"],
                    "arrayminus": band["median"] - band["p25"],
                    "color": PALETTE[4],
                },
                marker={"symbol": MARKERS[2], "size": 9, "color": PALETTE[4]},
            )
        )
    if len(national):
        figure.add_trace(
            go.Scatter(
                x=national["year"],
                y=national["value"],
                mode="markers",
                name="Nederland",
                marker={"symbol": MARKERS[1], "size": 9, "color": PALETTE[6]},
            )
        )
    figure.add_trace(
        go.Scatter(
            x=points["year"],
            y=points["value"],
            mode="markers+text",
            name=name,
            text=points["value"].map(lambda v: f"{v:.1f}%".replace(".", ",")),
            textposition="middle right",
            marker={"symbol": MARKERS[0], "size": 12, "color": PALETTE[0]},
        )
    )
    figure.update_layout(
        yaxis_title=y_label,
        xaxis={"dtick": 2, "title": None},
        legend={"orientation": "h", "y": -0.2},
    )
    return figure


def budget_figure(realised: pd.DataFrame, budget: pd.DataFrame, *, y_label: str) -> go.Figure:
    """Realised against budget per year: bars for realised, a marked line for the budget."""
    figure = new_figure(height=340)
    figure.add_trace(
        go.Bar(
            x=realised["year"],
            y=realised["value"],
            name="Gerealiseerd",
            marker={"color": PALETTE[0], "pattern": {"shape": "/"}},
            hovertemplate="Gerealiseerd: € %{y:,.0f}<extra></extra>",
        )
    )
    figure.add_trace(
        go.Scatter(
            x=budget["year"],
            y=budget["value"],
            name="Begroot",
            mode="lines+markers",
            line={"color": PALETTE[1], "dash": DASHES[1], "width": 2},
            marker={"symbol": MARKERS[3], "size": 9},
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
