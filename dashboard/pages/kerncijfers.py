"""Kerncijfers (/): the headline indicators in one screen, for aldermen.

The view is built from the link (`?gemeente=GM0351&jaar=2022`), so a shared URL shows exactly
what the sender saw; the controls write their state back into the link. Without a year in the
link the page opens on the latest year with real youth-care numbers for the place. Each card
shows the latest year with a number up to the chosen year, says which, and says why when the
chosen year has none; a card never disappears.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, callback, dcc, html

from dashboard.components.controls import municipality_select, year_select
from dashboard.components.headline_strip import Headline, headline_download, headline_strip
from dashboard.components.kpi_card import kpi_card
from dashboard.components.kpi_changes import KpiDefinition
from dashboard.components.kpi_year import missing_note, shown_year
from dashboard.components.page_frame import page_frame
from dashboard.components.region_notice import region_notice
from dashboard.serving.url_state import (
    build_search,
    parse_municipality,
    parse_year,
    single_values,
)
from dashboard.store import queries
from dashboard.store.db import Release
from dashboard.store.page_context import RELEASE_PARAMETER, open_page
from dashboard.text.labels import RETRIEVED, SAMPLE_BADGE

dash.register_page(
    __name__,
    path="/",
    name="Kerncijfers",
    title="Kerncijfers · Sociaal Kompas",
    order=0,
    warm_up=True,
)

PAGE = "kerncijfers"
URL = f"{PAGE}-url"
STATE = f"{PAGE}-state"
MUNICIPALITY = f"{PAGE}-gemeente"
YEAR = f"{PAGE}-jaar"
PARAMETERS = ("gemeente", "jaar", RELEASE_PARAMETER)


HEADLINE_KPI = "youth_care_clients"  # the default year is the latest with real youth-care data


def default_year(kpis: pd.DataFrame, years: list[int]) -> tuple[int | None, bool]:
    """The latest year with a real youth-care number (else any real headline number), else
    the latest year (and False)."""
    real = kpis[~kpis["is_demo"].astype(bool) & kpis["value"].notna()]
    headline = real[real["kpi"] == HEADLINE_KPI]
    for pool in (headline, real):
        if len(pool):
            return int(pool["year"].max()), True
    return (years[-1] if years else None), False


def _generated_notice(kpis: pd.DataFrame, year: int | None, name: str) -> dbc.Alert | None:
    """Say plainly, above the cards, when every number shown for the year is generated."""
    shown = kpis[kpis["year"] == year]
    if shown.empty or not shown["is_demo"].astype(bool).all():
        return None
    return dbc.Alert(
        f"Voor {name} zijn er over {year} geen echte cijfers: alle kaarten hieronder tonen "
        f"{SAMPLE_BADGE.lower()} (gegenereerd, geen officiële cijfers).",
        color="warning",
        className="sk-generated-notice",
    )


def layout(**raw_query: object) -> html.Div:
    """Build the page from the link, so a shared URL shows the sender's view."""
    query, problems = single_values(raw_query, PARAMETERS)
    page = open_page(query.get(RELEASE_PARAMETER))
    regions = queries.regions_with_data(page.release)
    names = dict(zip(regions["municipality_code"], regions["municipality_name"], strict=True))
    code, municipality_problem = parse_municipality(
        query.get("gemeente"), names, page.settings.default_municipality
    )
    years = queries.region_years(page.release).get(code, [])
    kpis = queries.kpi_headlines(page.release, code)
    fallback, _ = default_year(kpis, years)
    year, year_problem = parse_year(query.get("jaar"), years, fallback)
    problems += [p for p in (municipality_problem, year_problem) if p] + page.problems
    search = build_search({"gemeente": code, "jaar": year}, {})
    cards, headlines = _cards(page.release, kpis, year, code, names.get(code, code))
    pinned = {"versie": page.release_id} if page.pinned else {}
    body = [
        headline_strip(headlines),
        dcc.Location(id=URL, refresh="callback-nav"),
        dcc.Store(id=STATE, data={"default_year": fallback, **pinned}),
        dbc.Row(
            [
                dbc.Col(municipality_select(MUNICIPALITY, regions, code), xs=12, md=6, lg=4),
                dbc.Col(year_select(YEAR, years, year), xs=12, md=3, lg=2),
            ],
            className="sk-controls mb-3 g-2",
        ),
        region_notice(regions, code, year),
        _generated_notice(kpis, year, names.get(code, code)),
        cards,
        headline_download(
            headlines,
            place=names.get(code, code),
            link=f"/{search}&{RELEASE_PARAMETER}={page.release_id}",
            status_labels=queries.vocabulary(page.release).get("status", {}),
        ),
    ]
    return page_frame(
        page,
        title=f"Kerncijfers {names.get(code, code)} {year}",
        lead=None,
        problems=problems,
        link=f"/{search}&{RELEASE_PARAMETER}={page.release_id}",
        body=body,
    )


def _card_sources(release: Release, rows: pd.DataFrame) -> pd.DataFrame:
    """The source records behind a card's number, rate and reference value."""
    ids = [sid for values in rows["source_ids"] for sid in values]
    ids += list(rows["rate_source_id"].dropna()) + list(rows["reference_source_id"].dropna())
    sources = queries.sources_by_id(release, ids).rename(columns={"published_on": "date"})
    sources["date"] = sources["date"].fillna(RETRIEVED + sources["retrieved_at"].fillna(""))
    return sources


def _cards(
    release: Release, kpis: pd.DataFrame, year: int | None, code: str, name: str
) -> tuple[dbc.Row, list[Headline]]:
    """One card per headline KPI, in order (a KPI without any number still gets its card),
    and the same numbers for the phone's strip."""
    gaps = queries.indicator_gaps(release, code)
    labels = queries.vocabulary(release).get("status", {})
    cards, headlines = [], []
    for definition_row in queries.kpi_definitions(release).to_dict("records"):
        kpi = definition_row["kpi"]
        trend = kpis[kpis["kpi"] == kpi]
        shown = shown_year(trend, year) if year else None
        note = missing_note(definition_row, trend, gaps, shown=shown, selected=year or 0, name=name)
        definition = KpiDefinition.from_row(definition_row)
        current = trend[trend["year"] == shown]
        row = current.iloc[0].to_dict() if len(current) else {}
        sources = _card_sources(release, trend[trend["year"] == shown])
        headlines.append(Headline(definition, row, shown, f"{PAGE}-{kpi}", sources))
        card = kpi_card(
            definition,
            trend,
            year=shown,
            sources=sources,
            card_id=f"{PAGE}-{kpi}",
            note=note,
            documented=queries.documented_figures(release, code, definition_row["indicator"]),
            status_labels=labels,
        )
        cards.append(dbc.Col(card, xs=12, md=6, xl=3, className="mb-3"))
    return dbc.Row(cards), headlines


@callback(
    Output(URL, "search"),
    Input(MUNICIPALITY, "value"),
    Input(YEAR, "value"),
    State(STATE, "data"),
    prevent_initial_call=True,
)
def write_link(municipality_code: str | None, year: str | None, stored: dict | None) -> str:
    """Put the chosen municipality and year in the link (the release stays when pinned)."""
    stored = stored or {}
    values = {"gemeente": municipality_code, "jaar": year, RELEASE_PARAMETER: stored.get("versie")}
    return build_search(values, {})
