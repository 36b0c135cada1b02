"""Jeugdhulp (/jeugdhulp): how many young people get youth care, and is it going down?

For cooperative directors and council members: count and rate over time against peers and the
Netherlands, the breakdown by form of care, and the figures the documents state. Wiring only.
"""

from __future__ import annotations

import dash
from dash import html

from dashboard.indicator_page import IndicatorPage, Measure, page_layout, register_callbacks

dash.register_page(
    __name__, path="/jeugdhulp", name="Jeugdhulp", title="Jeugdhulp · Sociaal Kompas", order=1
)

PAGE = IndicatorPage(
    page="jeugdhulp",
    title="Jeugdhulp",
    question="Hoeveel jongeren krijgen jeugdhulp, en daalt dat aantal?",
    indicator="youth_care_clients",
    headline_category="total",
    headline_title="Jongeren met jeugdhulp",
    breakdown_title="Jongeren met jeugdhulp naar vorm",
    measures=(
        Measure(
            "per1000",
            "per_1000_youth",
            "Per 1.000 jongeren",
            "per 1.000 jongeren (0-17)",
            "In {year} kregen in {name} {value} op de 1.000 jongeren jeugdhulp",
            "per 1.000 jongeren",
            decimals=1,
        ),
        Measure(
            "aantal",
            "count",
            "Aantal jongeren",
            "aantal jongeren",
            "In {year} kregen {value} jongeren in {name} jeugdhulp",
            "jongeren",
            comparable=False,
        ),
    ),
)


def layout(**query: str) -> html.Div:
    """Build the page from the link, so a shared URL shows the sender's view."""
    return page_layout(PAGE, query)


register_callbacks(PAGE)
