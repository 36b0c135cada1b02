"""Uitgaven (/uitgaven): what does youth care cost, and against what budget?

For aldermen and council members in a budget debate: youth-care spend by category, realised
against budget, per inhabitant and per young person in care, Wmo spend beside it (a separate
indicator: CBS publishes youth-care spend only), and the documented 2022 reduction cited.
"""

from __future__ import annotations

from dataclasses import replace

import dash
import pandas as pd
from dash import html

from dashboard.components.chart_panel import chart_panel
from dashboard.figures.breakdown import budget_figure
from dashboard.indicators import tables
from dashboard.indicators.catalogue import indicator_from_catalogue
from dashboard.indicators.data import PageData
from dashboard.indicators.page import IndicatorPage, page_layout, register
from dashboard.indicators.state import ViewState
from dashboard.indicators.trend import other_indicator_panel
from dashboard.store import queries
from dashboard.store.page_context import PageContext
from dashboard.text.labels import format_euro, format_number
from dashboard.text.narrative import status_clause
from dashboard.text.source_lines import combine, document_sources, series_sources, source_label

dash.register_page(
    __name__,
    path="/uitgaven",
    name="Uitgaven",
    title="Uitgaven · Sociaal Kompas",
    order=3,
    warm_up=True,
)


def _total(release_rows: pd.DataFrame) -> pd.DataFrame:
    return release_rows[release_rows["is_total"]]


def _budget_sentence(
    realised: pd.DataFrame, budget: pd.DataFrame, state: ViewState, labels: dict[str, str]
) -> str:
    both = realised.merge(budget, on="year", suffixes=("_realised", "_budget")).dropna(
        subset=["value_realised", "value_budget"]
    )
    if both.empty:
        return f"Voor {state.name} is in deze periode geen begroting bekend."
    last = both.sort_values("year").iloc[-1]
    difference = 100 * (last["value_realised"] - last["value_budget"]) / last["value_budget"]
    side = "boven" if difference > 0 else "onder"
    unit = state.measure.unit.removeprefix("euro").strip()
    amount = format_euro(last["value_realised"], state.measure.decimals) + (
        f" {unit}" if unit else ""
    )
    statuses = (last["status_realised"], last["status_budget"])
    return (
        f"In {int(last['year'])} gaf {state.name} {amount} uit aan jeugdzorg, "
        f"{format_number(abs(difference), 1)}% {side} de begroting"
        f"{status_clause(statuses, labels)}."
    )


def _documented_change(data: PageData) -> tuple[str, pd.DataFrame]:
    """A cited sentence for a spend change a document states, with no invented base year."""
    changes = data.documented[data.documented["figure_kind"] == "change"]
    if changes.empty:
        return "", changes
    row = changes.iloc[0]
    direction = "minder" if row["value"] < 0 else "meer"
    base = f" dan in {int(row['base_year'])}" if pd.notna(row["base_year"]) else ""
    note = "" if base else "; het noemt geen vergelijkingsjaar, dus dit staat niet in de grafiek"
    document = source_label(row["publisher"], row["title"], row["reference"], row["published_on"])
    sentence = (
        f" Volgens {document}"
        f" gaf de gemeente in {int(row['year'])} ongeveer {format_euro(abs(row['value']))}"
        f" {direction} uit aan hulp en zorg{base}{note}."
    )
    return sentence, changes


def budget_panel(page: PageContext, state: ViewState, data: PageData, link: str) -> html.Section:
    """Realised youth-care spend against its budget, in the page's chosen measure."""
    realised = _total(data.own(state.code))
    budget_indicator = indicator_from_catalogue(
        queries.measure_catalogue(page.release), "youth_budget_eur"
    )
    budget = _total(
        queries.indicator_series(
            page.release,
            "youth_budget_eur",
            budget_indicator.measure(state.measure.key).measure,
            [state.code],
            state.period,
        )
    )
    sentence, changes = _documented_change(data)
    table = tables.stack(
        tables.series_rows(
            realised, series="Gerealiseerd", measure=state.measure, status_labels=data.status_labels
        ),
        tables.series_rows(
            budget, series="Begroot", measure=state.measure, status_labels=data.status_labels
        ),
    )
    return chart_panel(
        "uitgaven-budget",
        title="Jeugdzorg: gerealiseerd tegenover begroot",
        sentence=_budget_sentence(realised, budget, state, data.status_labels) + sentence,
        figure=budget_figure(realised, budget, y_label=state.measure.axis),
        table=table,
        sources=combine(
            series_sources(realised),
            series_sources(budget),
            document_sources(changes),
        ),
        is_demo=bool(realised["is_demo"].any() or budget["is_demo"].any()),
        view_link=link,
    )


def wmo_panel(page: PageContext, state: ViewState, data: PageData, link: str) -> html.Section:
    """Wmo spend beside youth-care spend: its own indicator, never added to it."""
    return other_indicator_panel(
        page, replace(state), link, indicator_key="wmo_spend_eur", panel="uitgaven-wmo"
    )


PAGE = IndicatorPage(
    page="uitgaven",
    title="Uitgaven",
    question="Wat kost de jeugdzorg, en hoe verhoudt zich dat tot de begroting?",
    indicator="youth_spend_eur",
    extra_panels=(budget_panel, wmo_panel),
)


def layout(**query: object) -> html.Div:
    """Build the page from the link, so a shared URL shows the sender's view."""
    return page_layout(PAGE, query)


register(PAGE)
