"""Dutch page for unknown paths."""

from __future__ import annotations

import dash
from dash import dcc, html

dash.register_page(__name__, title="Pagina niet gevonden · Sociaal Kompas")


def layout(**_query: str) -> html.Div:
    """A message and a way back, never a blank page."""
    return html.Div(
        [
            html.H1("Pagina niet gevonden", className="h3"),
            html.P("Deze pagina bestaat niet (meer). Controleer de link of ga naar het overzicht."),
            dcc.Link("Naar de kerncijfers", href="/"),
        ]
    )
