"""Indicator figures: suppressed cells, documented points, Dutch separators."""

from __future__ import annotations

import pandas as pd

from dashboard.figures.indicators import Event, breakdown_figure, trend_figure


def test_breakdown_leaves_suppressed_cells_out_and_says_so_on_hover():
    rows = pd.DataFrame(
        {
            "year": [2021, 2021],
            "category": ["a", "b"],
            "category_label": ["A", "B"],
            "sort_order": [1, 2],
            "value": [40.0, float("nan")],
        }
    )
    figure = breakdown_figure(rows, y_label="n", suppressed_text="<10 (niet getoond)")
    assert list(figure.data[1].y) == [0]  # no bar
    assert figure.data[1].customdata[0][1] == "B: <10 (niet getoond)"
    assert figure.data[0].customdata[0][1] == "A: 40"


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
    assert [t.name for t in figure.data] == ["Woudenberg", "Genoemd in brondocument"]
    assert figure.data[1].marker.symbol == "star"
    assert [a.text for a in figure.layout.annotations] == ["Start"]
    assert list(figure.layout.xaxis.range) == [2018.7, 2020.3]
