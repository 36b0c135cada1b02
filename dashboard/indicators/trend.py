"""The trend panel: the headline series against its comparison group and the country.

Documented figures appear as points of their own, with the document's definition, only where
the chart shows values as published (a count is only comparable with a count).
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from dash import html

from dashboard import queries
from dashboard.components.chart_panel import chart_panel
from dashboard.figures.indicators import trend_figure
from dashboard.indicators import tables
from dashboard.indicators.catalogue import Indicator, Measure, indicator_from_catalogue
from dashboard.indicators.data import PageData, load_page_data
from dashboard.indicators.state import COMPARISONS, ViewState
from dashboard.labels import format_number
from dashboard.narrative import trend_sentence
from dashboard.page_context import PageContext
from dashboard.sources import band_sources, combine, series_sources

BAND_SERIES = (("p25", "Vergelijkingsgroep: 25%"), ("median", "Vergelijkingsgroep: mediaan"),
               ("p75", "Vergelijkingsgroep: 75%"))


def _any_demo(*frames: pd.DataFrame) -> bool:
    return any(bool(frame["is_demo"].any()) for frame in frames if len(frame))


def documented_points(data: PageData, measure: Measure) -> pd.DataFrame:
    """Levels a document states, labelled with publisher and year, for count charts only."""
    levels = data.documented[data.documented["figure_kind"] == "level"]
    if not measure.is_as_published or levels.empty:
        return levels.iloc[0:0].assign(label=pd.Series(dtype="string"))
    return levels.assign(
        label=[
            f"{format_number(row.value)} ({row.publisher} {str(row.published_on)[:4]})"
            for row in levels.itertuples(index=False)
        ]
    )


def group_note(state: ViewState, measure: Measure) -> str:
    """Which group the band describes, or why there is none."""
    if not measure.comparable:
        return (
            " Absolute aantallen zijn niet te vergelijken tussen gemeenten van verschillende"
            " grootte; kies een relatieve weergave om te vergelijken."
        )
    return (
        f" Vergelijkingsgroep: {COMPARISONS[state.comparison].lower()}"
        f" ({len(state.group)} gemeenten)."
    )


def _documented_note(documented: pd.DataFrame) -> str:
    if documented.empty:
        return ""
    years = " en ".join(str(int(y)) for y in documented["year"])
    definition = documented["definition_nl"].iloc[0]
    return (
        f" De sterren ({years}) zijn aantallen die een brondocument noemt, met een eigen"
        f" afbakening: {definition}. Ze zijn daarom niet op de lijn gezet."
    )


def trend_panel(
    page: str,
    indicator: Indicator,
    state: ViewState,
    data: PageData,
    view_link: str,
    *,
    category: str | None = None,
    title: str | None = None,
) -> html.Section:
    """A headline series against the comparison band and the Netherlands, with events."""
    category = category or indicator.headline_category
    measure = state.measure
    own, national, band = data.own(state.code, category), data.national(category), data.band(category)
    documented = documented_points(data, measure) if category == indicator.headline_category else data.documented.iloc[0:0]
    figure = trend_figure(
        own, band, national, name=state.name, y_label=measure.axis, decimals=measure.decimals,
        events=data.events, documented=documented if len(documented) else None,
    )
    label = own["category_label"].iloc[0] if len(own) else indicator.label
    if category != "total":
        label = f"{indicator.label}: {label}"
    place = f"Vergelijkingsgroep ({COMPARISONS[state.comparison].lower()})"
    table = tables.stack(
        tables.series_rows(own, series=state.name, measure=measure, status_labels=data.status_labels),
        tables.series_rows(national, series="Nederland", measure=measure, status_labels=data.status_labels),
        *[
            tables.band_rows(band, column=column, series=series, place=place, category_label=label,
                             measure=measure, status_labels=data.status_labels)
            for column, series in BAND_SERIES
        ],
        tables.documented_rows(documented, place=state.name, status_labels=data.status_labels),
    )
    sentence = trend_sentence(own, measure.sentence, name=state.name, decimals=measure.decimals,
                              in_points=measure.in_points)
    documents = documented.rename(columns={"published_on": "date"}).assign(is_demo=False)
    return chart_panel(
        f"{page}-trend" if category == indicator.headline_category else f"{page}-detail-category",
        title=title or label,
        sentence=sentence + group_note(state, measure) + _documented_note(documented),
        figure=figure,
        table=table,
        sources=combine(series_sources(own), series_sources(national), band_sources(band),
                        documents[["publisher", "title", "reference", "date", "is_demo"]]),
        is_demo=_any_demo(own, national, band),
        view_link=view_link,
    )


def other_indicator_panel(
    page: PageContext,
    state: ViewState,
    view_link: str,
    *,
    indicator_key: str,
    panel: str,
) -> html.Section:
    """A trend panel for a second indicator on a page, in the page's measure where it has one."""
    indicator = indicator_from_catalogue(queries.measure_catalogue(page.release), indicator_key)
    keys = [m.key for m in indicator.measures]
    measure = indicator.measure(state.measure.key if state.measure.key in keys else keys[0])
    own_state = replace(state, measure=measure)
    data = load_page_data(page.release, indicator, own_state)
    return trend_panel(panel, indicator, own_state, data, view_link)
