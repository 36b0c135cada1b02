"""Vrijwilligers (/vrijwilligers): is the informal base growing?

For cooperative directors: volunteers and buddies registered over time and by field, next to the
health monitor's share of adults doing volunteer work (separate survey points). Wiring only.
"""

from __future__ import annotations

import dash
from dash import html

from dashboard.indicator_page import (
    IndicatorPage,
    Measure,
    page_layout,
    register_callbacks,
    trend_panel,
)
from dashboard.indicator_panels import survey_panel

dash.register_page(
    __name__,
    path="/vrijwilligers",
    name="Vrijwilligers",
    title="Vrijwilligers · Sociaal Kompas",
    order=4,
)

BUDDIES = Measure(
    "aantal",
    "count",
    "Aantal maatjes",
    "aantal maatjes",
    "In {year} stonden in {name} {value} maatjes geregistreerd",
    "maatjes",
    comparable=False,
)

PAGE = IndicatorPage(
    page="vrijwilligers",
    title="Vrijwilligers",
    question="Groeit de informele basis: zijn er meer vrijwilligers en maatjes?",
    indicator="volunteers_registered",
    headline_category="total",
    headline_title="Geregistreerde vrijwilligers",
    breakdown_title="Vrijwilligers naar werkveld",
    measures=(
        Measure(
            "per1000",
            "per_1000_inhabitants",
            "Per 1.000 inwoners",
            "per 1.000 inwoners",
            "In {year} stonden in {name} {value} vrijwilligers per 1.000 inwoners geregistreerd",
            "per 1.000 inwoners",
            decimals=1,
        ),
        Measure(
            "aantal",
            "count",
            "Aantal vrijwilligers",
            "aantal vrijwilligers",
            "In {year} stonden in {name} {value} vrijwilligers geregistreerd",
            "vrijwilligers",
            comparable=False,
        ),
    ),
    extra_panels=(
        lambda state, url: trend_panel(
            PAGE,
            state,
            url,
            indicator="buddies_registered",
            title="Geregistreerde maatjes",
            measure=BUDDIES,
            suffix="maatjes",
        ),
        lambda state, url: survey_panel("vrijwilligers", state, url),
    ),
)


def layout(**query: str) -> html.Div:
    """Build the page from the link, so a shared URL shows the sender's view."""
    return page_layout(PAGE, query)


register_callbacks(PAGE)
