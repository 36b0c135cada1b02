"""Verwijzingen (/verwijzingen): who refers young people to youth care, and do GPs refer less?

For cooperative directors: the GP share of new trajectories over time against peers and the
Netherlands, and all referrers as counts or shares. Wiring only.
"""

from __future__ import annotations

import dash
from dash import html

from dashboard.indicator_page import IndicatorPage, Measure, page_layout, register_callbacks

dash.register_page(
    __name__,
    path="/verwijzingen",
    name="Verwijzingen",
    title="Verwijzingen · Sociaal Kompas",
    order=2,
)

PAGE = IndicatorPage(
    page="verwijzingen",
    title="Verwijzingen",
    question="Wie verwijst jongeren naar jeugdhulp, en verwijzen huisartsen minder?",
    indicator="youth_care_trajectories",
    headline_category="gp",
    headline_title="Aandeel verwijzingen door de huisarts",
    breakdown_title="Nieuwe jeugdhulptrajecten naar verwijzer",
    measures=(
        Measure(
            "aandeel",
            "share_pct",
            "Aandeel (%)",
            "% van de nieuwe trajecten",
            "In {year} verwees de huisarts in {name} {value}% van de nieuwe trajecten",
            "%",
            decimals=1,
            in_points=True,
        ),
        Measure(
            "per1000",
            "per_1000_youth",
            "Per 1.000 jongeren",
            "per 1.000 jongeren (0-17)",
            "In {year} verwees de huisarts in {name} {value} op de 1.000 jongeren door",
            "per 1.000 jongeren",
            decimals=1,
        ),
        Measure(
            "aantal",
            "count",
            "Aantal trajecten",
            "aantal trajecten",
            "In {year} verwees de huisarts in {name} {value} keer door",
            "trajecten",
            comparable=False,
        ),
    ),
)


def layout(**query: str) -> html.Div:
    """Build the page from the link, so a shared URL shows the sender's view."""
    return page_layout(PAGE, query)


register_callbacks(PAGE)
