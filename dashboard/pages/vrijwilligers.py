"""Vrijwilligers (/vrijwilligers): is the informal base growing?

For cooperative directors: volunteers and buddies registered over time and by field, next to the
health monitor's share of adults doing volunteer work (a survey every few years: points).
"""

from __future__ import annotations

from dataclasses import replace

import dash
import pandas as pd
from dash import html

from dashboard.components.chart_panel import chart_panel
from dashboard.components.no_data import no_data_panel
from dashboard.figures.breakdown import points_figure
from dashboard.indicators import tables
from dashboard.indicators.catalogue import indicator_from_catalogue
from dashboard.indicators.data import PageData, load_page_data
from dashboard.indicators.page import IndicatorPage, page_layout, register
from dashboard.indicators.state import ViewState
from dashboard.indicators.trend import other_indicator_panel
from dashboard.store import queries
from dashboard.store.page_context import PageContext
from dashboard.text.labels import format_number
from dashboard.text.source_lines import band_sources, combine, series_sources

dash.register_page(
    __name__,
    path="/vrijwilligers",
    name="Vrijwilligers",
    title="Vrijwilligers · Sociaal Kompas",
    order=4,
    warm_up=True,  # rendered once per worker before visitors arrive
)

SURVEY = "adults_volunteering_pct"


def buddies_panel(page: PageContext, state: ViewState, data: PageData, link: str) -> html.Section:
    """Registered buddies, in the page's measure where buddies have it."""
    return other_indicator_panel(
        page, state, link, indicator_key="buddies_registered", panel="vrijwilligers-maatjes"
    )


def _survey_sentence(own: pd.DataFrame, name: str) -> str:
    known = own.dropna(subset=["value"]).sort_values("year")
    if known.empty:
        return f"De gezondheidsmonitor heeft voor {name} geen meting."
    latest = known.iloc[-1]
    return (
        f"Bij de meting van {int(latest['year'])} deed {format_number(latest['value'], 1)}%"
        f" van de volwassenen in {name} vrijwilligerswerk. De gezondheidsmonitor meet dit"
        " eens in de paar jaar; de punten zijn daarom niet met een lijn verbonden."
    )


def survey_panel(page: PageContext, state: ViewState, data: PageData, link: str) -> html.Section:
    """Health-monitor share of adults doing volunteer work: separate points, not a yearly line."""
    indicator = indicator_from_catalogue(queries.measure_catalogue(page.release), SURVEY)
    survey_state = replace(state, measure=indicator.measures[0], period=(2000, 2100))
    survey = load_page_data(page.release, indicator, survey_state)
    own, national, band = (
        survey.own(state.code, "total"),
        survey.national("total"),
        survey.band("total"),
    )
    measure = indicator.measures[0]
    if (
        not any(len(f.dropna(subset=["value"])) for f in (own, national) if "value" in f)
        and band.empty
    ):
        # an empty chart says nothing the sentence does not, and looked broken on paper
        return no_data_panel(
            "vrijwilligers-monitor", indicator.label, _survey_sentence(own, state.name)
        )
    table = tables.trend_rows(
        own,
        national,
        band,
        name=state.name,
        group="Vergelijkingsgroep",
        label=indicator.label,
        measure=measure,
        status_labels=survey.status_labels,
    )
    return chart_panel(
        "vrijwilligers-monitor",
        title=indicator.label,
        sentence=_survey_sentence(own, state.name),
        figure=points_figure(own, band, national, name=state.name, y_label=measure.axis),
        table=table,
        sources=combine(series_sources(own), series_sources(national), band_sources(band)),
        is_demo=any(bool(f["is_demo"].any()) for f in (own, national, band) if len(f)),
        view_link=link,
    )


PAGE = IndicatorPage(
    page="vrijwilligers",
    title="Vrijwilligers",
    question="Groeit de informele basis: zijn er meer vrijwilligers en maatjes?",
    indicator="volunteers_registered",
    extra_panels=(survey_panel, buddies_panel),
)


def layout(**query: object) -> html.Div:
    """Build the page from the link, so a shared URL shows the sender's view."""
    return page_layout(PAGE, query)


register(PAGE)
