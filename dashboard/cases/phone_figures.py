"""The case-collection charts re-laid for a phone: one case per row, its name above the row.

At 390 px a case name as a tick label takes half the width and the ladder's twelve columns
leave a few pixels each. So the phone version puts each case in a row of its own, writes the
name inside the plot above that row and gives the whole width to the years (timeline) or the
five ladder steps (ladder). Pure functions: a figure from `figures.cases` in, a new one out.
"""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

NAME_FONT = {"size": 12, "color": "#212529"}
TIMELINE_ROW_PX, LADDER_ROW_PX = 56, 104
MAX_NAME = 48  # characters of a case name that fit one line at 390 px


def _one_line(name: str) -> str:
    """A case name on one line (the wide chart wraps it with <br>), shortened when long."""
    return textwrap.shorten(name.replace("<br>", " "), MAX_NAME, placeholder=" …")


def _name_above(y: object, name: str, shift: int) -> dict:
    """A case name written above its row (a plain dict: plotly's add_annotation validates each
    one and cost more than the rest of the figure)."""
    return {
        "x": 0,
        "xref": "paper",
        "xanchor": "left",
        "y": y,
        "yref": "y",
        "yshift": shift,
        "text": _one_line(name),
        "showarrow": False,
        "font": NAME_FONT,
    }


def narrow_timeline(figure: go.Figure) -> go.Figure:
    """The milestone timeline with names inside the plot and a year tick every few years."""
    narrow = go.Figure(figure.to_dict(), _validate=False)  # a copy; unvalidated: fast
    names = list(
        dict.fromkeys(
            y for trace in narrow.data if trace.showlegend is False for y in (trace.y or ())
        )
    )
    narrow.layout.annotations = [_name_above(name, str(name), shift=18) for name in names]
    ticks = list(narrow.layout.xaxis.tickvals or ())
    step = max(1, round(len(ticks) / 5))  # about five labels across a phone
    narrow.update_layout(
        height=TIMELINE_ROW_PX * len(names) + 150,
        yaxis={"showticklabels": False, "range": [len(names) - 0.5, -0.9]},
        xaxis={
            "tickvals": ticks[::step],
            "ticktext": list(narrow.layout.xaxis.ticktext or ())[::step],
        },
        margin={"l": 6, "r": 6, "t": 30, "b": 10},
    )
    return narrow


def narrow_ladder(figure: go.Figure) -> go.Figure:
    """The participation ladder turned a quarter: steps across, one case per row."""
    narrow = go.Figure(figure.to_dict(), _validate=False)  # a copy; unvalidated: fast
    for trace in narrow.data:
        trace.x, trace.y = trace.y, trace.x
        if trace.mode == "text":  # the years of a position go right of its last step
            trace.x = [None if x is None else x - 0.15 for x in trace.x]
            trace.textposition = "middle right"
    arrows = [
        {**arrow, "x": arrow["y"], "y": arrow["x"], "ax": arrow["ay"], "ay": arrow["ax"]}
        for arrow in (a.to_plotly_json() for a in narrow.layout.annotations)
    ]
    wide_x, wide_y = narrow.layout.xaxis, narrow.layout.yaxis
    names = [str(text) for text in wide_x.ticktext or ()]
    narrow.layout.annotations = arrows + [
        _name_above(row - 0.5, name, shift=-8) for row, name in enumerate(names)
    ]
    narrow.update_layout(
        height=LADDER_ROW_PX * len(names) + 170,
        xaxis={
            "tickvals": list(wide_y.tickvals or ()),
            "ticktext": list(wide_y.ticktext or ()),
            "range": [0.5, len(wide_y.tickvals or ()) + 1.3],
            "side": "top",
            "tickangle": -35,
            "tickfont": {"size": 11},
            "gridcolor": "#ced4da",
            "gridwidth": 2,
            "showgrid": True,
        },
        yaxis={
            "showticklabels": False,
            "showgrid": False,
            "zeroline": False,
            "range": [len(names) - 0.45, -0.55],
            "title": None,
        },
        legend={"orientation": "h", "y": -0.02, "yanchor": "top", "x": 0},
        margin={"l": 6, "r": 6, "t": 70, "b": 10},
    )
    return narrow
