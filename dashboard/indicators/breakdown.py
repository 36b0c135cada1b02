"""The breakdown panel (categories per year) and the detail panel (one year, one category).

A click on a bar writes that year and category into the link; the detail panel then shows the
year's breakdown as a table and the category over time against the same category in the group.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.components.aria import aria
from dashboard.components.chart_panel import chart_panel, data_table
from dashboard.components.no_data import no_data_panel
from dashboard.components.provenance import source_note
from dashboard.figures.breakdown import breakdown_figure
from dashboard.indicators import tables
from dashboard.indicators.catalogue import Indicator, Measure
from dashboard.indicators.data import PageData
from dashboard.indicators.state import ViewState, component_ids
from dashboard.indicators.trend import trend_panel
from dashboard.text.labels import format_number
from dashboard.text.source_lines import series_sources

SYMBOL_NOTE = (
    "x = geheim: kleine aantallen personen (of een cel die anders terug te rekenen zou zijn) "
    "tonen we niet; het teken zegt niets over de grootte. . = niet gepubliceerd door de bron."
)


def _parts_sentence(series: pd.DataFrame, indicator: Indicator) -> str:
    """Say why the parts do not add up to the total, where they do not."""
    if not indicator.parts_add_up:
        return f" {indicator.parts_note}" if indicator.parts_note else ""
    by_year = series.groupby("year").agg(
        total=("value", lambda v: v[series.loc[v.index, "is_total"]].sum()),
        parts=("value", lambda v: v[~series.loc[v.index, "is_total"]].sum()),
        complete=("value", lambda v: bool(v.notna().all())),
    )
    differs = by_year[by_year["complete"] & ((by_year["total"] - by_year["parts"]).abs() > 0.5)]
    if differs.empty:
        return ""
    return (
        " In " + ", ".join(str(int(y)) for y in differs.index) + " wijkt de som van de delen iets"
        " af van het totaal: de bron rondt elk cijfer afzonderlijk af."
    )


def _largest_category_sentence(rows: pd.DataFrame, state: ViewState, measure: Measure) -> str:
    latest = rows[(rows["year"] == rows["year"].max()) & rows["value"].notna()]
    if latest.empty:
        return f"Voor {state.name} is in deze periode geen uitsplitsing beschikbaar."
    top = latest.sort_values("value", ascending=False).iloc[0]
    return (
        f"In {int(top['year'])} was '{top['category_label']}' de grootste categorie "
        f"({format_number(top['value'], measure.decimals)} {measure.unit})."
    )


def _no_breakdown(indicator: Indicator, state: ViewState) -> str:
    """Why there is no breakdown to draw, and how to get one."""
    text = f"Voor {state.name} is in deze periode geen uitsplitsing beschikbaar."
    if indicator.has_public_source:
        return text + (
            " Het CBS publiceert de uitsplitsing wel, maar het meegeleverde extract bevat alleen"
            " het totaal: het openbare bestand waaruit het komt, is na 10.000 rijen afgekapt. De"
            " beheerder haalt de volledige tabel op met python -m data_pipeline fetch."
        )
    return text + " Hiervoor bestaat geen openbare bron; importeer de eigen registratie."


def breakdown_panel(
    page: str, indicator: Indicator, state: ViewState, data: PageData, view_link: str
) -> html.Section:
    """Categories per year; a click on a bar selects that year and category for the detail."""
    measure = state.measure
    rows = data.own(state.code)
    rows = rows[~rows["is_total"]]
    title = indicator.breakdown_label or indicator.label
    if not rows["value"].notna().any() and not rows["cell_symbol"].eq("x").any():
        return no_data_panel(
            f"{page}-breakdown",
            title,
            _no_breakdown(indicator, state),
            graph_id=component_ids(page)["breakdown"],
        )
    figure = breakdown_figure(
        rows,
        y_label=measure.axis,
        decimals=measure.decimals,
        selected_year=state.detail_year,
        stacked=indicator.parts_add_up,
    )
    sentence = _largest_category_sentence(rows, state, measure) + _parts_sentence(
        data.own(state.code), indicator
    )
    hidden = int(rows["cell_symbol"].notna().sum())
    notes = [html.P(SYMBOL_NOTE, className="small sk-muted mb-1")] if hidden else []
    sentence += " Klik op een staaf om dat jaar en die categorie hieronder te bekijken."
    return chart_panel(
        f"{page}-breakdown",
        title=title,
        sentence=sentence,
        figure=figure,
        table=tables.series_rows(
            rows, series=state.name, measure=measure, status_labels=data.status_labels
        ),
        sources=series_sources(rows),
        is_demo=bool(rows["is_demo"].any()),
        view_link=view_link,
        graph_id=component_ids(page)["breakdown"],
        notes=notes,
    )


def detail_panel(
    page: str, indicator: Indicator, state: ViewState, data: PageData, view_link: str
) -> html.Section | None:
    """The selected year's breakdown, and the selected category against its group over time."""
    year_rows = data.own(state.code)
    year_rows = year_rows[(year_rows["year"] == state.detail_year) & ~year_rows["is_total"]]
    if year_rows.empty:
        return None
    table = tables.series_rows(
        year_rows, series=state.name, measure=state.measure, status_labels=data.status_labels
    )
    children: list = [
        html.H2(f"Detail {state.detail_year}", className="h5"),
        data_table(table, f"Uitsplitsing {state.name} {state.detail_year}"),
        source_note(series_sources(year_rows), is_demo=bool(year_rows["is_demo"].any())),
    ]
    if state.detail_category and state.detail_category != "total":
        children.append(
            trend_panel(page, indicator, state, data, view_link, category=state.detail_category)
        )
    return html.Section(
        children,
        id=f"{page}-detail",
        className="sk-panel border rounded p-3 mb-4 d-print-none",  # the chart above is on paper
        **aria(label=f"Detail {state.detail_year}"),
    )
