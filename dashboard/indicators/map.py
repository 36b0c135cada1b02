"""The map panel: where the municipality stands in its comparison group, for the chosen year.

Clicking a municipality selects it (the page's link callback reads the click). Municipalities
without an outline (merged after 2022) are named under the map rather than silently dropped.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.components.chart_panel import chart_panel
from dashboard.components.no_data import no_data_panel
from dashboard.figures.maps import map_figure
from dashboard.indicators import tables
from dashboard.indicators.catalogue import Indicator, Measure
from dashboard.indicators.data import PageData, group_index
from dashboard.indicators.state import ViewState, component_ids
from dashboard.store import geo, queries
from dashboard.store.page_context import PageContext
from dashboard.text.source_lines import series_sources


def _map_measure(indicator: Indicator, chosen: Measure) -> Measure:
    """The chosen measure, or the first comparable one: counts of places of any size mislead."""
    if chosen.comparable:
        return chosen
    return next((m for m in indicator.measures if m.comparable), chosen)


def _missing_note(values: pd.DataFrame, year: int) -> html.P | None:
    """The maps use the outlines of one year: name the members whose borders were different."""
    missing = values[~values["municipality_code"].isin(geo.outlined_codes())]
    if missing.empty:
        return None
    names = ", ".join(sorted(missing["municipality_name"]))
    return html.P(
        f"De kaart gebruikt de gemeentegrenzen van {geo.YEAR}. In {year} waren de grenzen anders"
        f" voor: {names} (samengevoegd of opgedeeld); die staan niet op de kaart, hun cijfers wel"
        " in de tabel.",
        className="small sk-muted mb-1",
    )


def _context(page: PageContext, state: ViewState, year: int) -> list[str]:
    """The municipalities of the province around the group (not in it), for orientation."""
    around = group_index(page.release).same_group(state.group.year, "province", state.group.members)
    outlined = geo.outlined_codes()
    return [c for c in around if c not in state.group.members and c in outlined]


def map_panel(
    page: PageContext,
    spec_page: str,
    indicator: Indicator,
    state: ViewState,
    data: PageData,
    view_link: str,
) -> html.Section:
    """The group and the municipality on a map, coloured by the headline category's measure."""
    measure = _map_measure(indicator, state.measure)
    year = state.detail_year
    rows = queries.indicator_series(
        page.release, indicator.indicator, measure.measure, list(state.group.members), (year, year)
    )
    values = rows[rows["category"] == indicator.headline_category].copy()
    values["status_label"] = [data.status_labels.get(s, s) for s in values["status"]]
    title = f"Kaart: {indicator.label.lower()} in {year}"
    if not values["value"].notna().any():
        text = f"Voor {state.group.name} is er over {year} geen cijfer."
        return no_data_panel(
            f"{spec_page}-kaart",
            title,
            text,
            indicator.import_template,
            graph_id=component_ids(spec_page)["kaart"],
        )
    switched = (
        ""
        if measure is state.measure
        else f" De kaart toont {measure.label[:1].lower()}{measure.label[1:]}: absolute"
        + " aantallen zijn tussen gemeenten niet te vergelijken."
    )
    sentence = (
        f"{state.group.name[:1].upper()}{state.group.name[1:]} in {year}: "
        f"{len(values.dropna(subset=['value']))} van de {len(state.group.members)} "
        f"gemeenten met een cijfer. {state.name} is omlijnd; klik op een gemeente om die te kiezen."
        + switched
    )
    return chart_panel(
        f"{spec_page}-kaart",
        title=title,
        sentence=sentence,
        figure=map_figure(
            values,
            geojson_url=geo.outline_url(),
            selected=state.code,
            unit=measure.unit,
            decimals=measure.decimals,
            colorbar_title=measure.axis,
            context=_context(page, state, year),
        ),
        table=tables.series_rows(
            values,
            series=state.group.name,
            measure=measure,
            status_labels=data.status_labels,
        ),
        sources=series_sources(values),
        is_demo=bool(values["is_demo"].any()),
        view_link=view_link,
        graph_id=component_ids(spec_page)["kaart"],
        notes=[_missing_note(values, year)],
    )
