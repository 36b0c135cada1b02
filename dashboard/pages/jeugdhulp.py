"""Jeugdhulp (/jeugdhulp): how many young people get youth care, and is it going down?

For cooperative directors and council members: CBS's share of young people (under 23) with
youth care, or their number, over time against peers and the Netherlands; the breakdown by form
of care; and the figures the documents state, each with its own definition.
"""

from __future__ import annotations

import dash
from dash import html

from dashboard.indicators.page import IndicatorPage, page_layout, register

dash.register_page(
    __name__,
    path="/jeugdhulp",
    name="Jeugdhulp",
    title="Jeugdhulp · Sociaal Kompas",
    order=1,
    warm_up=True,
)


PAGE = IndicatorPage(
    page="jeugdhulp",
    title="Jeugdhulp",
    question="Hoeveel jongeren krijgen jeugdzorg, en daalt dat aantal?",
    indicator="youth_care_clients",
)


def layout(**query: object) -> html.Div:
    """Build the page from the link, so a shared URL shows the sender's view."""
    return page_layout(PAGE, query)


register(PAGE)
