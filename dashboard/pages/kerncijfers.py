"""Kerncijfers (/): four headline indicators in one screen, for aldermen. Wiring only.

The view is built from the link (`?gemeente=GM0351&jaar=2022`), so a shared URL shows exactly
what the sender saw; the controls write their state back into the link.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html

from dashboard import queries
from dashboard.components.controls import municipality_dropdown, year_dropdown
from dashboard.components.feedback import url_problem_alert
from dashboard.components.kpi_card import kpi_card
from dashboard.labels import KPIS
from dashboard.settings import get_settings
from dashboard.url_state import build_search, parse_municipality, parse_year, unknown_parameters

dash.register_page(
    __name__, path="/", name="Kerncijfers", title="Kerncijfers · Sociaal Kompas", order=0
)

PAGE = "kerncijfers"
URL = f"{PAGE}-url"
MUNICIPALITY = f"{PAGE}-gemeente"
YEAR = f"{PAGE}-jaar"
QUERY_PARAMETERS = ("gemeente", "jaar")


def layout(gemeente: str | None = None, jaar: str | None = None, **other: str) -> html.Div:
    """Build the page from the link, so a shared URL shows the sender's view."""
    regions = queries.regions_with_data()
    default_code = get_settings().default_municipality
    code, municipality_problem = parse_municipality(
        gemeente, regions["municipality_code"], default_code
    )
    years = queries.available_years(code)
    year, year_problem = parse_year(jaar, years)
    problems = [p for p in (municipality_problem, year_problem) if p]
    problems += unknown_parameters(other, QUERY_PARAMETERS)
    name = regions.loc[regions["municipality_code"] == code, "municipality_name"].iloc[0]
    return html.Div(
        [
            dcc.Location(id=URL, refresh="callback-nav"),
            html.H1(f"Kerncijfers {name} {year}", className="h3"),
            url_problem_alert(problems),
            dbc.Row(
                [
                    dbc.Col(municipality_dropdown(MUNICIPALITY, regions, code), md=6, lg=4),
                    dbc.Col(year_dropdown(YEAR, years, year), md=3, lg=2),
                ],
                className="mb-3 g-2",
            ),
            _cards(code, year),
        ]
    )


def _cards(code: str, year: int | None) -> dbc.Row:
    kpis = queries.headline_kpis(code)
    in_year = kpis[kpis["year"] == year]
    source_ids = [sid for ids in in_year["source_ids"] for sid in ids]
    sources = queries.sources_by_id(source_ids)
    cards = []
    for definition in KPIS.values():
        trend = kpis[kpis["kpi"] == definition.kpi]
        ids = {sid for ids in trend.loc[trend["year"] == year, "source_ids"] for sid in ids}
        card = kpi_card(
            definition,
            trend,
            year=year or 0,
            sources=sources[sources["source_id"].isin(ids)],
            card_id=f"{PAGE}-{definition.kpi}",
        )
        cards.append(dbc.Col(card, md=6, xl=3, className="mb-3"))
    return dbc.Row(cards)


@callback(
    Output(URL, "search"),
    Input(MUNICIPALITY, "value"),
    Input(YEAR, "value"),
    prevent_initial_call=True,
)
def write_link(municipality_code: str | None, year: int | None) -> str:
    """Put the chosen municipality and year in the link (defaults left out)."""
    defaults = {"gemeente": get_settings().default_municipality}
    return build_search({"gemeente": municipality_code, "jaar": year}, defaults)
