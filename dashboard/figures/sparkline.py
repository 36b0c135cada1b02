"""Small trend line for a KPI card."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.style import PALETTE, new_figure


def sparkline_figure(trend: pd.DataFrame, *, selected_year: int, value_label: str) -> go.Figure:
    """Line of `value` by `year`, the selected year marked; generated points are hollow."""
    figure = new_figure(height=70)
    demo = (
        trend["is_demo"].fillna(False).astype(bool)
        if "is_demo" in trend
        else pd.Series(False, trend.index)
    )
    figure.add_trace(
        go.Scatter(
            x=trend["year"],
            y=trend["value"],
            mode="lines+markers",
            connectgaps=False,
            line={"color": PALETTE[0], "width": 2},
            marker={"size": 6, "symbol": ["circle-open" if d else "circle" for d in demo]},
            hovertemplate="%{x}: %{y:,.1f} " + value_label + "<extra></extra>",
        )
    )
    chosen = trend[trend["year"] == selected_year]
    figure.add_trace(
        go.Scatter(
            x=chosen["year"],
            y=chosen["value"],
            mode="markers",
            hoverinfo="skip",
            marker={"size": 9, "color": PALETTE[5], "symbol": "diamond"},
        )
    )
    figure.update_layout(
        showlegend=False,
        margin={"l": 0, "r": 0, "t": 4, "b": 0},
        xaxis={"visible": False},
        yaxis={"visible": False, "rangemode": "tozero"},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return figure
