"""The table alternative of a chart: one number style per column, the unit in the header."""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.components.chart_panel import data_table


def _cells(component: object, kind: type) -> list[str]:
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, kind):
            found.append(str(node.children))
        children = getattr(node, "children", None)
        for child in children if isinstance(children, list | tuple) else [children]:
            if child is not None and not isinstance(child, str):
                walk(child)

    walk(component)
    return found


def test_a_column_has_one_number_style_and_the_unit_stands_in_the_header() -> None:
    table = pd.DataFrame(
        {"Jaar": [2021, 2022, 2023], "Maat": "%", "Waarde": [31.1, 8.0, 10.25], "Bron": "CBS"}
    )
    shown = data_table(table, "Aandeel")

    assert _cells(shown, html.Th) == ["Jaar", "Waarde (%)"]
    assert _cells(shown, html.Td) == ["2021", "31,10", "2022", "8,00", "2023", "10,25"]


def test_rows_in_different_units_keep_their_unit_column() -> None:
    table = pd.DataFrame({"Maat": ["aantal", "per 1.000"], "Waarde": [370.0, 12.5]})
    shown = data_table(table, "Genoemd")

    assert _cells(shown, html.Th) == ["Maat", "Waarde"]
    assert _cells(shown, html.Td) == ["aantal", "370,0", "per 1.000", "12,5"]
