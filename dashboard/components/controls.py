"""Page controls with Dutch labels: native selects (labelled, keyboard and phone friendly)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html
from dash.development.base_component import Component

from dashboard.components.aria import aria


def region_label(row: object) -> str:
    """'Woudenberg (GM0351)', 'Haaren (GM0788, tot en met 2020)', 'Utrecht (provincie)'."""
    name, code, kind = (
        getattr(row, f) for f in ("municipality_name", "municipality_code", "region_kind")
    )
    if kind != "municipality":
        return str(name)
    until = getattr(row, "valid_to_year", None)
    ended = f", tot en met {int(until)}" if until is not None and not pd.isna(until) else ""
    return f"{name} ({code}{ended})"


def municipality_options(regions: pd.DataFrame) -> list[dict[str, str]]:
    """Dropdown options: the country, the provinces, then every municipality by name."""
    return [
        {"label": region_label(row), "value": row.municipality_code}
        for row in regions.itertuples(index=False)
    ]


def labelled_control(label: str, control: Component) -> html.Div:
    """A control under its visible <label for=...>."""
    return html.Div([dbc.Label(label, html_for=str(getattr(control, "id", ""))), control])


def labelled_group(label: str, control: Component, group_id: str) -> html.Div:
    """Several inputs (a checklist) in a group named by its visible label."""
    label_id = f"{group_id}-label"
    return html.Div(
        [html.Div(label, id=label_id, className="form-label"), control],
        role="group",
        **aria(labelledby=label_id),
    )


def select(
    control_id: str,
    options: Sequence[Mapping[str, object]],
    value: object,
    *,
    empty_label: str | None = None,
) -> dbc.Select:
    """A native <select>: labelled by its <label>, usable by keyboard, the phone's own picker.

    Values are strings (as a link carries them); `empty_label` adds a first choice for 'all'.
    """
    choices = [{"label": empty_label, "value": ""}] if empty_label is not None else []
    choices += [{"label": str(o["label"]), "value": str(o["value"])} for o in options]
    return dbc.Select(id=control_id, options=choices, value="" if value is None else str(value))


def municipality_select(component_id: str, regions: pd.DataFrame, value: str) -> html.Div:
    """Labelled municipality picker."""
    return labelled_control("Gemeente", select(component_id, municipality_options(regions), value))


def year_select(component_id: str, years: list[int], value: int | None) -> html.Div:
    """Labelled year picker."""
    options = [{"label": str(y), "value": y} for y in years]
    return labelled_control("Jaar", select(component_id, options, value))
