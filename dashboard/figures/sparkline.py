"""Small trend line for a KPI card.

A plain figure dict, not plotly.py objects: four cards per Kerncijfers render, and building and
updating figure objects was a third of the page's render for a chart that never changes.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard.figures.style import BASE_LAYOUT, PALETTE


def sparkline_figure(
    trend: pd.DataFrame, *, selected_year: int, value_label: str
) -> dict[str, Any]:
    """Line of `value` by `year`, the selected year marked; generated points are hollow."""
    demo = (
        trend["is_demo"].fillna(False).astype(bool).tolist()
        if "is_demo" in trend
        else [False] * len(trend)
    )
    years, values = trend["year"].tolist(), trend["value"].tolist()
    chosen = [(y, v) for y, v in zip(years, values, strict=True) if y == selected_year]
    line = {
        "type": "scatter",
        "x": years,
        "y": [None if v != v else v for v in values],  # NaN: a gap, as JSON allows
        "mode": "lines+markers",
        "connectgaps": False,
        "line": {"color": PALETTE[0], "width": 2},
        "marker": {"size": 6, "symbol": ["circle-open" if d else "circle" for d in demo]},
        "hovertemplate": "%{x}: %{y:,.1f} " + value_label + "<extra></extra>",
    }
    selected = {
        "type": "scatter",
        "x": [y for y, _ in chosen],
        "y": [v for _, v in chosen],
        "mode": "markers",
        "hoverinfo": "skip",
        "marker": {"size": 9, "color": PALETTE[5], "symbol": "diamond"},
    }
    layout = {
        **BASE_LAYOUT,
        "height": 70,
        "showlegend": False,
        "margin": {"l": 0, "r": 0, "t": 4, "b": 0},
        "xaxis": {"visible": False},
        "yaxis": {"visible": False, "rangemode": "tozero"},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
    }
    return {"data": [line, selected], "layout": layout}
