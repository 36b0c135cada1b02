"""Uitgaven (/uitgaven): what does specialist care cost, and against what budget?

For aldermen and council members in a budget debate: spend by category, realised against budget,
per inhabitant and per young person in care, with the documented 2022 reduction cited. Wiring only.
"""

from __future__ import annotations

import dash
from dash import html

from dashboard.indicator_page import IndicatorPage, Measure, page_layout, register_callbacks
from dashboard.indicator_panels import budget_panel

dash.register_page(
    __name__, path="/uitgaven", name="Uitgaven", title="Uitgaven · Sociaal Kompas", order=3
)

PAGE = IndicatorPage(
    page="uitgaven",
    title="Uitgaven",
    question="Wat kost de (specialistische) zorg, en hoe verhoudt zich dat tot de begroting?",
    indicator="spend_realised_eur",
    headline_category="total",
    headline_title="Gerealiseerde uitgaven jeugdhulp en Wmo",
    breakdown_title="Uitgaven naar categorie",
    measures=(
        Measure(
            "per-inwoner",
            "per_inhabitant",
            "Euro per inwoner",
            "euro per inwoner",
            "In {year} gaf {name} € {value} per inwoner uit",
            "euro per inwoner",
            decimals=2,
        ),
        Measure(
            "euro",
            "count",
            "Euro",
            "euro",
            "In {year} gaf {name} € {value} uit",
            "euro",
            comparable=False,
        ),
        Measure(
            "per-jongere",
            "per_client",
            "Euro per jongere in zorg",
            "euro per jongere met jeugdhulp",
            "In {year} gaf {name} € {value} uit per jongere met jeugdhulp",
            "euro per jongere met jeugdhulp",
        ),
    ),
    extra_panels=(lambda state, url: budget_panel("uitgaven", state, url),),
)


def layout(**query: str) -> html.Div:
    """Build the page from the link, so a shared URL shows the sender's view."""
    return page_layout(PAGE, query)


register_callbacks(PAGE)
