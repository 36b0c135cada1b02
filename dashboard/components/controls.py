"""Page controls with Dutch labels: municipality and year pickers."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.aria import aria

REGION_KIND_LABEL = {"country": "Land", "province": "Provincie", "municipality": "Gemeente"}


def municipality_options(regions: pd.DataFrame) -> list[dict[str, str]]:
    """Dropdown options: 'Woudenberg (GM0351)', country and provinces marked as such."""
    return [
        {
            "label": f"{row.municipality_name} ({row.municipality_code})"
            if row.region_kind == "municipality"
            else f"{row.municipality_name} – {REGION_KIND_LABEL.get(row.region_kind, '')}",
            "value": row.municipality_code,
        }
        for row in regions.itertuples(index=False)
    ]


def labelled_control(label: str, control: Component) -> html.Div:
    """A control in a group named by its visible label (Dash's dropdown has no <label for>)."""
    control_id = str(getattr(control, "id", ""))
    label_id = f"{control_id}-label"
    return html.Div(
        [dbc.Label(label, id=label_id, html_for=control_id), control],
        role="group",
        **aria(labelledby=label_id),
    )


def municipality_dropdown(component_id: str, regions: pd.DataFrame, value: str) -> html.Div:
    """Labelled, searchable municipality picker."""
    return labelled_control(
        "Gemeente",
        dcc.Dropdown(
            id=component_id,
            options=municipality_options(regions),
            value=value,
            clearable=False,
            searchable=True,
            placeholder="Kies een gemeente",
        ),
    )


def year_dropdown(component_id: str, years: list[int], value: int | None) -> html.Div:
    """Labelled year picker."""
    return labelled_control(
        "Jaar",
        dcc.Dropdown(
            id=component_id,
            options=[{"label": str(y), "value": y} for y in years],
            value=value,
            clearable=False,
            searchable=False,
        ),
    )
