"""Indicator figures: hidden cells, generated points, documented points, Dutch separators."""

from __future__ import annotations

import pandas as pd

from dashboard.figures.breakdown import breakdown_figure
from dashboard.figures.trend import HOLLOW_NOTE, Event, trend_figure


def test_breakdown_gives_hidden_cells_no_bar_and_their_symbol_on_hover():
    rows = pd.DataFrame(
        {
            "year": [2021, 2021, 2021],
            "category": ["a", "b", "c"],
            "category_label": ["A", "B", "C"],
            "sort_order": [1, 2, 3],
            "value": [40.0, float("nan"), float("nan")],
            "cell_symbol": [None, "x", "."],
        }
    )
    figure = breakdown_figure(rows, y_label="n")
    assert list(figure.data[1].y) == [0]  # no bar
    assert [trace.customdata[0][1] for trace in figure.data] == [
        "A: 40",
        "B: x (geheim)",
        "C: . (niet gepubliceerd)",
    ]


def test_parts_that_do_not_add_up_are_grouped_not_stacked():
    rows = pd.DataFrame(
        {
            "year": [2021],
            "category": ["a"],
            "category_label": ["A"],
            "sort_order": [1],
            "value": [4.0],
        }
    )
    assert breakdown_figure(rows, y_label="n", stacked=False).layout.barmode == "group"


def test_trend_draws_generated_points_hollow_and_explains_them():
    series = pd.DataFrame(
        {"year": [2019, 2020], "value": [370.0, 350.0], "status": ["generated", "official"]}
    )
    figure = trend_figure(series, pd.DataFrame(), series.iloc[0:0], name="Woudenberg", y_label="n")
    own = next(trace for trace in figure.data if trace.name == "Woudenberg")
    assert list(own.marker.symbol) == ["circle-open", "circle"]
    assert HOLLOW_NOTE in [trace.name for trace in figure.data]
    assert figure.layout.yaxis.rangemode == "tozero"


def test_trend_marks_documented_points_and_events_and_uses_dutch_separators():
    series = pd.DataFrame({"year": [2019, 2020], "value": [370.0, 350.0]})
    documented = pd.DataFrame({"year": [2019], "value": [370.0], "label": ["370 (VNG 2023)"]})
    figure = trend_figure(
        series,
        pd.DataFrame(),
        series.iloc[0:0],
        name="Woudenberg",
        y_label="n",
        events=[Event(2018.0, "Start")],
        documented=documented,
    )
    assert figure.layout.separators == ",."
    assert [t.name for t in figure.data] == [
        "Woudenberg",
        "Genoemd in brondocument (eigen definitie)",
    ]
    assert figure.data[1].marker.symbol == "star"
    assert [(a.text, a.hovertext) for a in figure.layout.annotations] == [("1", "Start")]
    assert list(figure.layout.xaxis.range) == [2018.7, 2020.3]


def test_events_are_numbered_and_close_ones_stacked_so_they_never_collide():
    series = pd.DataFrame({"year": [2017, 2020], "value": [1.0, 2.0], "status": "official"})
    events = [Event(2017.4, "A"), Event(2017.6, "B"), Event(2019.5, "C")]
    figure = trend_figure(
        series, pd.DataFrame(), series.iloc[0:0], name="X", y_label="n", events=events
    )
    placed = [(a.text, a.y) for a in figure.layout.annotations]
    assert placed == [("1", 1.0), ("2", 0.92), ("3", 1.0)]
