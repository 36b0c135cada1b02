"""Verwijzingen (/verwijzingen): who refers young people to youth care, and do GPs refer less?

For cooperative directors: the GP share of new trajectories over time against peers and the
Netherlands, and all referrers as counts or shares.
"""

from __future__ import annotations

import dash
from dash import html

from dashboard.indicators.page import IndicatorPage, page_layout, register

dash.register_page(
    __name__,
    path="/verwijzingen",
    name="Verwijzingen",
    title="Verwijzingen · Sociaal Kompas",
    order=2,
    warm_up=True,  # rendered once per worker before visitors arrive
)

PAGE = IndicatorPage(
    page="verwijzingen",
    title="Verwijzingen",
    question="Wie verwijst jongeren naar jeugdzorg, en verwijzen huisartsen minder?",
    indicator="youth_care_trajectories",
)


def layout(**query: object) -> html.Div:
    """Build the page from the link, so a shared URL shows the sender's view."""
    return page_layout(PAGE, query)


register(PAGE)
