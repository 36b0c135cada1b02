"""Shared figure style: Dutch separators, a palette that survives greyscale and colour blindness."""

from __future__ import annotations

import plotly.graph_objects as go

# Okabe-Ito: distinguishable for the common colour-vision deficiencies; paired with distinct
# dash patterns and markers so meaning never rests on colour alone.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
MARKERS = ("circle", "square", "diamond", "triangle-up", "x", "cross")


def apply_dutch_style(figure: go.Figure, *, height: int | None = None) -> go.Figure:
    """Dutch number separators (1.234,5), plain template, readable font."""
    figure.update_layout(
        separators=",.",
        template="plotly_white",
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13},
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        colorway=list(PALETTE),
    )
    if height is not None:
        figure.update_layout(height=height)
    return figure
