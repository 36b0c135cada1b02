"""The trend panel: the headline series against its comparison group and the country.

Documented figures appear as points of their own, with the document's definition, only where
the chart shows values as published (a count is only comparable with a count).
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from dash import html

from dashboard.components.chart_panel import chart_panel
from dashboard.components.kpi_year import missing_note
from dashboard.components.no_data import no_data_panel
from dashboard.figures.trend import Event, trend_figure
from dashboard.indicators import tables
from dashboard.indicators.catalogue import (
    Indicator,
    Measure,
    coverage_definition,
    indicator_from_catalogue,
)
from dashboard.indicators.data import PageData, load_page_data
from dashboard.indicators.groups import Group
from dashboard.indicators.state import ViewState
from dashboard.store import queries
from dashboard.store.page_context import PageContext
from dashboard.text.labels import format_number
from dashboard.text.narrative import trend_sentence
from dashboard.text.source_lines import band_sources, combine, document_sources, series_sources


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
    group = state.group
    text = (
        f" Vergelijkingsgroep: {group.name} ({len(group.members)} gemeenten in {group.year});"
        " de band is de middelste helft van hun cijfers, de stippellijn de mediaan."
    )
    if group.has_published_figure and group.region_code != "NL01":
        text += (
            " De lijn met de naam van de groep is het cijfer dat de bron zelf voor de hele"
            " groep publiceert."
        )
    return text


def group_figure_name(group: Group, rows: pd.DataFrame | None = None) -> str:
    """The legend name of the publisher's own figure for a group: 'Jeugdregio Eemland (CBS)'."""
    publishers = [] if rows is None else rows["source_publisher"].dropna().unique().tolist()
    return f"{group.name[:1].upper()}{group.name[1:]} ({', '.join(publishers) or 'bron'})"


def _documented_note(documented: pd.DataFrame) -> str:
    if documented.empty:
        return ""
    years = " en ".join(str(int(y)) for y in documented["year"])
    definition = documented["definition_nl"].iloc[0]
    return (
        f" De sterren ({years}) zijn aantallen die een brondocument noemt, met een eigen"
        f" afbakening: {definition}. Ze zijn daarom niet op de lijn gezet."
    )


def break_years(*frames: pd.DataFrame) -> list[int]:
    """Years in which a series starts anew (its source belongs to another series)."""
    years: set[int] = set()
    for frame in frames:
        if "is_series_break" in frame and len(frame):
            years |= {int(y) for y in frame.loc[frame["is_series_break"].astype(bool), "year"]}
    return sorted(years)


def coverage_sentence(
    indicator: Indicator, state: ViewState, data: PageData, own: pd.DataFrame
) -> str:
    """Why the region's series stops before the period's last year (or has no value at all)."""
    known = own.dropna(subset=["value"])
    shown = int(known["year"].max()) if len(known) else None
    note = missing_note(
        coverage_definition(indicator),
        own,
        data.gaps,
        shown=shown,
        selected=state.period[1],
        name=state.name,
    )
    return f" {note}" if note else ""


def _other_documented_note(data: PageData, measure: Measure, headline: bool) -> str:
    """Levels a document states that this measure cannot show beside it (they are counts)."""
    levels = data.documented[data.documented["figure_kind"] == "level"]
    if not headline or measure.is_as_published or levels.empty:
        return ""
    numbers = " en ".join(
        f"{format_number(row.value)} ({int(row.year)})" for row in levels.itertuples(index=False)
    )
    return (
        f" Een brondocument ({levels['publisher'].iloc[0]}) noemt aantallen met een eigen"
        f" afbakening: {numbers}; {levels['definition_nl'].iloc[0]}. Kies de weergave in"
        " aantallen om ze naast de CBS-reeks te zien."
    )


def trend_panel(
    page: str,
    indicator: Indicator,
    state: ViewState,
    data: PageData,
    view_link: str,
    *,
    category: str | None = None,
) -> html.Section:
    """A series (the headline, or `category`) against its comparison band and the country."""
    category = category or indicator.headline_category
    headline = category == indicator.headline_category
    measure = state.measure
    own, national, band = (
        data.own(state.code, category),
        data.national(category),
        data.band(category),
    )
    panel_id = f"{page}-trend" if headline else f"{page}-detail-category"
    label = _label(indicator, data, category)
    group_rows = _group_rows(state, data, category)
    if not _has_values(own, national, band):
        text = f"Voor {state.name} zijn in deze periode geen cijfers." + coverage_sentence(
            indicator, state, data, own
        )
        return no_data_panel(panel_id, label, text, indicator.import_template)
    documented = documented_points(data, measure) if headline else data.documented.iloc[0:0]
    table = tables.stack(
        _trend_table(state, data, label, (own, national, band), documented),
        tables.series_rows(
            group_rows,
            series=group_figure_name(state.group, group_rows),
            measure=measure,
            status_labels=data.status_labels,
        ),
    )
    sentence = trend_sentence(
        own,
        measure.sentence,
        name=state.name,
        decimals=measure.decimals,
        in_points=measure.in_points,
    )
    breaks = break_years(own, national, group_rows)
    return chart_panel(
        panel_id,
        title=label,
        sentence=sentence
        + coverage_sentence(indicator, state, data, own)
        + group_note(state, measure)
        + _documented_note(documented)
        + _other_documented_note(data, measure, headline),
        figure=trend_figure(
            own,
            band,
            national,
            name=state.name,
            y_label=measure.axis,
            decimals=measure.decimals,
            events=data.events,
            documented=documented if len(documented) else None,
            breaks=breaks,
            group_line=(group_figure_name(state.group, group_rows), group_rows)
            if len(group_rows)
            else None,
        ),
        table=table,
        sources=_trend_sources(own, national, group_rows, band, documented),
        is_demo=_any_demo(own, national, band),
        view_link=view_link,
        notes=[events_list(data.events)] if data.events else None,
    )


def _has_values(own: pd.DataFrame, national: pd.DataFrame, band: pd.DataFrame) -> bool:
    return bool(len(band)) or any(
        frame["value"].notna().any() for frame in (own, national) if len(frame)
    )


def _trend_sources(*frames: pd.DataFrame) -> pd.DataFrame:
    """Every source behind the trend panel: own, national and group series, band, documents."""
    own, national, group_rows, band, documented = frames
    return combine(
        series_sources(own),
        series_sources(national),
        series_sources(group_rows),
        band_sources(band),
        document_sources(documented),
    )


def events_list(events: list[Event]) -> html.Div:
    """The numbered events of the chart, in words (the chart shows only their numbers)."""
    return html.Div(
        [
            html.Span("Gebeurtenissen in de grafiek (uit de casus):", className="fw-semibold"),
            html.Ol([html.Li(event.label) for event in events], className="mb-1"),
        ],
        className="small sk-events",
    )


def _group_rows(state: ViewState, data: PageData, category: str) -> pd.DataFrame:
    """The publisher's own figure for the group (not for the country: that line is there)."""
    code = state.group.region_code
    if code is None or code == "NL01" or not state.measure.comparable:
        return data.series.iloc[0:0]
    return data.group_figure(code, category)


def _trend_table(
    state: ViewState,
    data: PageData,
    label: str,
    parts: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame],
    documented: pd.DataFrame,
) -> pd.DataFrame:
    """The trend's rows: region, country, the group's band and documented figures."""
    group = f"Vergelijkingsgroep ({state.group.name})"
    return tables.stack(
        tables.trend_rows(
            *parts,
            name=state.name,
            group=group,
            label=label,
            measure=state.measure,
            status_labels=data.status_labels,
        ),
        tables.documented_rows(documented, place=state.name, status_labels=data.status_labels),
    )


def _label(indicator: Indicator, data: PageData, category: str) -> str:
    """The panel's title: the indicator, and the category when it is not the total."""
    if category == "total":
        return indicator.label
    names = data.series.loc[data.series["category"] == category, "category_label"]
    return f"{indicator.label}: {names.iloc[0] if len(names) else category}"


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
