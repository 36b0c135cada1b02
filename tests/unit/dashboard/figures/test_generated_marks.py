"""Generated values show in the mark itself, not only in the hover text."""

from __future__ import annotations

import pandas as pd

from dashboard.figures.breakdown import breakdown_figure
from dashboard.figures.maps import map_figure


def rows(statuses: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "municipality_code": [f"GM000{i}" for i in range(len(statuses))],
            "municipality_name": [f"Plaats {i}" for i in range(len(statuses))],
            "year": 2022,
            "category": "a",
            "category_label": "A",
            "sort_order": 1,
            "value": [10.0 + i for i in range(len(statuses))],
            "cell_symbol": None,
            "status": statuses,
            "status_label": statuses,
        }
    )


def test_a_map_draws_generated_values_in_a_scale_of_their_own():
    figure = map_figure(
        rows(["official", "generated"]),
        geojson_url="/x.geojson",
        selected="GM0000",
        unit="%",
        decimals=1,
        colorbar_title="%",
    )
    coloured = [t for t in figure.data if isinstance(t.colorscale, str)]  # not the outline
    by_place = {tuple(t.locations): t for t in coloured}
    real, greys = by_place[("GM0000",)], by_place[("GM0001",)]
    assert greys.colorscale == "Greys" and real.colorscale == "Cividis"  # plotly.js's names
    assert "voorbeeldgegevens" in greys.colorbar.title.text


def test_generated_bars_are_light_and_outlined_with_a_legend_entry():
    frame = rows(["official", "generated"]).assign(year=[2021, 2022])
    figure = breakdown_figure(frame, y_label="aantal")
    bars = figure.data[0]
    assert list(bars.marker.opacity) == [1.0, 0.35]
    assert any("gegenereerd" in (trace.name or "") for trace in figure.data)
