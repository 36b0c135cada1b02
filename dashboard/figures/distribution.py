"""Where a municipality stands in its group: every member's value, the municipality highlighted.

Pure: a DataFrame of the members in one year in, a plotly Figure out. Up to MAX_NAMED members
each gets a row with its name, ordered best first, with the interval its value can lie in
given the publisher's rounding; a larger group is one strip of dots. The publisher's own figure
for the group (or else the median) is a vertical line.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.style import PALETTE, build_figure, is_generated, plotly_text, scatter

MAX_NAMED = 40
OWN, OTHER = PALETTE[5], PALETTE[0]


def _marker(frame: pd.DataFrame, own: str) -> dict:
    mine = [code == own for code in frame["municipality_code"]]
    hollow = is_generated(frame)
    symbols = [
        ("diamond" if m else "circle") + ("-open" if h else "")
        for m, h in zip(mine, hollow, strict=True)
    ]
    return {
        "symbol": symbols,
        "size": [14 if m else 8 for m in mine],
        "color": [OWN if m else OTHER for m in mine],
        "line": {"width": 1.5, "color": "#333"},
    }


def _reference_line(value: float | None, label: str) -> tuple[list, list]:
    if value is None or value != value:
        return [], []
    shape = {
        "type": "line",
        "x0": value,
        "x1": value,
        "y0": 0,
        "y1": 1,
        "yref": "paper",
        "line": {"color": "#444", "dash": "dash", "width": 1.5},
    }
    note = {
        "x": value,
        "y": 1,
        "yref": "paper",
        "text": plotly_text(label),
        "showarrow": False,
        "yanchor": "bottom",
        "font": {"size": 11},
    }
    return [shape], [note]


def distribution_figure(
    members: pd.DataFrame,
    *,
    own: str,
    x_label: str,
    decimals: int,
    higher_is_better: bool | None,
    reference: tuple[str, float | None] = ("", None),
) -> go.Figure:
    """Members (municipality_code, municipality_name, value, value_low, value_high, status)."""
    known = members.dropna(subset=["value"]).sort_values(
        "value", ascending=bool(higher_is_better is False)
    )
    named = len(known) <= MAX_NAMED
    y = [plotly_text(str(n)) for n in known["municipality_name"]] if named else [""] * len(known)
    trace = scatter(
        x=known["value"],
        y=y,
        mode="markers",
        marker=_marker(known, own),
        error_x={
            "type": "data",
            "symmetric": False,
            "array": (known["value_high"] - known["value"]).clip(lower=0).fillna(0).tolist(),
            "arrayminus": (known["value"] - known["value_low"]).clip(lower=0).fillna(0).tolist(),
            "color": "#999",
            "thickness": 1,
        },
        customdata=[plotly_text(str(n)) for n in known["municipality_name"]],
        hovertemplate=f"%{{customdata}}: %{{x:,.{decimals}f}}<extra></extra>",
        showlegend=False,
    )
    shapes, notes = _reference_line(reference[1], reference[0])
    layout = {
        "shapes": shapes,
        "annotations": notes,
        "xaxis": {"title": {"text": x_label}, "rangemode": "tozero"},
        "yaxis": {"autorange": "reversed", "showticklabels": named, "title": None},
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
    }
    height = max(220, 22 * len(known) + 80) if named else 200
    return build_figure([trace], layout, height=height)
