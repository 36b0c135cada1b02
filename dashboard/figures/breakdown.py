"""Figures for the indicator pages beside the trend: breakdown, survey points, budget.

Pure functions: DataFrames in, a plotly Figure out. A hidden cell shows its symbol on hover
instead of a bar; generated points are hollow.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.style import (
    DASHES,
    MARKERS,
    PALETTE,
    bar,
    build_figure,
    is_generated,
    marker_symbols,
    scatter,
    year_axis,
)
from dashboard.text.labels import (
    NOT_PUBLISHED_SYMBOL,
    SAMPLE_BADGE,
    SUPPRESSED_SYMBOL,
    format_number,
)

PATTERNS = ("", "/", ".", "x", "-", "|", "+", "\\")  # bar fills that survive greyscale print


def _cell_text(label: str, value: float, symbol: object, decimals: int) -> str:
    if symbol == SUPPRESSED_SYMBOL:
        return f"{label}: {SUPPRESSED_SYMBOL} (geheim)"
    if symbol == NOT_PUBLISHED_SYMBOL:
        return f"{label}: {NOT_PUBLISHED_SYMBOL} (niet gepubliceerd)"
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
    traces: list = []
    categories = breakdown.drop_duplicates("category").sort_values("sort_order")
    symbols = (
        breakdown["cell_symbol"] if "cell_symbol" in breakdown else pd.Series(None, breakdown.index)
    )
    by_category = dict(tuple(breakdown.groupby("category", sort=False)))
    for index, row in enumerate(categories.itertuples(index=False)):
        rows = by_category[row.category]
        texts = [
            _cell_text(row.category_label, value, symbol, decimals)
            for value, symbol in zip(rows["value"], symbols[rows.index], strict=True)
        ]
        # A hidden cell gets zero height rather than NaN: Plotly restarts a stack at the axis
        # after a NaN and would misplace the bars above it.
        traces.append(
            bar(
                x=rows["year"],
                y=rows["value"].fillna(0),
                name=row.category_label,
                customdata=list(zip(rows["category"], texts, strict=True)),
                marker={
                    "color": PALETTE[index % len(PALETTE)],
                    "pattern": {"shape": PATTERNS[index % len(PATTERNS)], "solidity": 0.3},
                    "opacity": generated_opacity(rows),
                    "line": {"color": "#333", "width": generated_outline(rows)},
                },
                hovertemplate="%{customdata[1]}<extra></extra>",
            )
        )
    if any(is_generated(breakdown)):
        traces.append(generated_legend_bar())
    layout = {
        "barmode": "stack" if stacked else "group",
        "yaxis": {"title": {"text": y_label}},  # nested: figures skip plotly.py's validation
        "xaxis": year_axis(breakdown["year"]),
        "legend": {"orientation": "h", "y": -0.15},
        "clickmode": "event",
        "shapes": [] if selected_year is None else [_year_frame(selected_year)],
    }
    return build_figure(traces, layout, height=380)


GENERATED_BAR = f"Lichte staaf met rand: {SAMPLE_BADGE.lower()} (gegenereerd)"


def generated_opacity(rows: pd.DataFrame) -> list[float]:
    """Per bar: generated values are drawn light, so the status shows in the mark itself."""
    return [0.35 if hollow else 1.0 for hollow in is_generated(rows)]


def generated_outline(rows: pd.DataFrame) -> list[float]:
    """Per bar: a dark outline around generated values (light bars stay visible in print)."""
    return [1.5 if hollow else 0 for hollow in is_generated(rows)]


def generated_legend_bar() -> dict:
    """A legend entry that explains the light bars (no data of its own)."""
    return bar(
        x=[None],
        y=[None],
        name=GENERATED_BAR,
        marker={"color": "#999", "opacity": 0.35, "line": {"color": "#333", "width": 1.5}},
        hoverinfo="skip",
    )


def _year_frame(year: int) -> dict:
    """A black frame around the selected year's bars (a plain shape: add_vrect is slow)."""
    return {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": year - 0.45,
        "x1": year + 0.45,
        "y0": 0,
        "y1": 1,
        "line": {"color": "black", "width": 2},
        "fillcolor": "rgba(0,0,0,0)",
    }


def points_figure(
    points: pd.DataFrame, band: pd.DataFrame, national: pd.DataFrame, *, name: str, y_label: str
) -> go.Figure:
    """Survey measurements as separate points (no line: they are years apart)."""
    traces = []
    if len(band):
        traces.append(
            scatter(
                x=band["year"],
                y=band["median"],
                mode="markers",
                name="Mediaan vergelijkingsgroep",
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": (band["p75"] - band["median"]).tolist(),
                    "arrayminus": (band["median"] - band["p25"]).tolist(),
                    "color": PALETTE[4],
                },
                marker={"symbol": marker_symbols(band, MARKERS[2]), "size": 9, "color": PALETTE[4]},
            )
        )
    if len(national):
        traces.append(
            scatter(
                x=national["year"],
                y=national["value"],
                mode="markers",
                name="Nederland",
                marker={
                    "symbol": marker_symbols(national, MARKERS[1]),
                    "size": 9,
                    "color": PALETTE[6],
                },
            )
        )
    traces.append(
        scatter(
            x=points["year"],
            y=points["value"],
            mode="markers+text",
            name=name,
            text=[format_number(v, 1) + "%" for v in points["value"]],
            textposition="middle right",
            marker={"symbol": marker_symbols(points, MARKERS[0]), "size": 12, "color": PALETTE[0]},
        )
    )
    layout = {
        "yaxis": {"title": {"text": y_label}, "rangemode": "tozero"},
        "xaxis": year_axis(points["year"]),
        "legend": {"orientation": "h", "y": -0.2},
    }
    return build_figure(traces, layout, height=320)


def budget_figure(realised: pd.DataFrame, budget: pd.DataFrame, *, y_label: str) -> go.Figure:
    """Realised against budget per year: bars for realised, a marked line for the budget."""
    traces = [
        bar(
            x=realised["year"],
            y=realised["value"],
            name="Gerealiseerd",
            marker={
                "color": PALETTE[0],
                "pattern": {"shape": "/"},
                "opacity": generated_opacity(realised),
                "line": {"color": "#333", "width": generated_outline(realised)},
            },
            hovertemplate="Gerealiseerd: € %{y:,.0f}<extra></extra>",
        )
    ]
    if any(is_generated(realised)):
        traces.append(generated_legend_bar())
    traces.append(
        scatter(
            x=budget["year"],
            y=budget["value"],
            name="Begroot",
            mode="lines+markers",
            line={"color": PALETTE[1], "dash": DASHES[1], "width": 2},
            marker={"symbol": marker_symbols(budget, MARKERS[3]), "size": 9},
            hovertemplate="Begroot: € %{y:,.0f}<extra></extra>",
        )
    )
    layout = {
        "yaxis": {"title": {"text": y_label}},
        "xaxis": year_axis(realised["year"]),
        "legend": {"orientation": "h", "y": -0.15},
        "hovermode": "x unified",
    }
    return build_figure(traces, layout, height=340)
