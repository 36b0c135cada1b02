"""Jeugdhulp (/jeugdhulp): how many young people get youth care, and is it going down?

For cooperative directors and council members: count and rate over time against peers and the
Netherlands, the breakdown by form of care, and the figures the documents state.
"""

from __future__ import annotations

import dash
from dash import html

from dashboard.indicators.data import PageData
from dashboard.indicators.page import IndicatorPage, page_layout, register
from dashboard.indicators.state import ViewState
from dashboard.indicators.trend import other_indicator_panel
from dashboard.page_context import PageContext

dash.register_page(
    __name__, path="/jeugdhulp", name="Jeugdhulp", title="Jeugdhulp · Sociaal Kompas", order=1
)


def youth_care_share_panel(
    page: PageContext, state: ViewState, _data: PageData, link: str
) -> html.Section:
    """CBS's own share of young people with youth care (its definition: under 23)."""
    return other_indicator_panel(
        page, state, link, indicator_key="youth_care_share_pct", panel="jeugdhulp-aandeel"
    )


PAGE = IndicatorPage(
    page="jeugdhulp",
    title="Jeugdhulp",
    question="Hoeveel jongeren krijgen jeugdhulp, en daalt dat aantal?",
    indicator="youth_care_clients",
    extra_panels=(youth_care_share_panel,),
)


def layout(**query: object) -> html.Div:
    """Build the page from the link, so a shared URL shows the sender's view."""
    return page_layout(PAGE, query)


register(PAGE)
