"""The comparison panel: the municipality among the members of its group, in the year shown.

It names the group and its members (folded), says how many have a value, gives the rank in the
indicator's better direction with honest ties (rates and shares only, never counts of places of
different size), shows every member's value with the municipality highlighted, and the
publisher's own figure for the group where there is one (else the median, and says so). The
table and downloads hold one row per member, with source and status.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.components.chart_panel import chart_panel
from dashboard.components.no_data import no_data_panel
from dashboard.figures.distribution import distribution_figure
from dashboard.indicators import tables
from dashboard.indicators.catalogue import Indicator, Measure
from dashboard.indicators.data import PageData, group_index
from dashboard.indicators.groups import Group
from dashboard.indicators.ranking import Rank, rank_with_ties
from dashboard.indicators.state import ViewState
from dashboard.store import queries
from dashboard.store.page_context import PageContext
from dashboard.text.labels import format_number
from dashboard.text.source_lines import combine, series_sources


def comparable_measure(indicator: Indicator, chosen: Measure) -> Measure:
    """The chosen measure, or the first comparable one: counts of places of any size mislead."""
    if chosen.comparable:
        return chosen
    return next((m for m in indicator.measures if m.comparable), chosen)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def rank_sentence(rank: Rank | None, state: ViewState, indicator: Indicator) -> str:
    """'Plek 7 van 25 in jeugdregio Eemland (lager is beter), gedeeld met ...'."""
    if rank is None or indicator.higher_is_better is None:
        return ""
    direction = "hoger" if indicator.higher_is_better else "lager"
    text = (
        f" {state.name} staat op plek {rank.rank} van {rank.of}"
        f" in {state.group.name} ({direction} is hier de gunstige kant)."
    )
    if rank.shared_with:
        others = "gemeente" if rank.shared_with == 1 else "gemeenten"
        text += (
            f" Die plek is gedeeld met {rank.shared_with} andere {others}: de verschillen"
            " vallen binnen de afronding van de bron."
        )
    return text


def group_value_sentence(
    group: Group, figure: pd.DataFrame, members: pd.DataFrame, measure: Measure
) -> tuple[str, tuple[str, float | None]]:
    """The group's own figure from the publisher, or the median of its members, said as such."""
    known = figure.dropna(subset=["value"])
    if len(known):
        value = float(known["value"].iloc[0])
        publisher = known["source_publisher"].iloc[0]
        number = format_number(value, measure.decimals)
        text = f" {publisher} publiceert voor {group.name} zelf {number} {measure.unit}"
        return text + " (de stippellijn).", (f"{capitalised(group.name)} ({publisher})", value)
    values = members["value"].dropna()
    if values.empty:
        return "", ("", None)
    median = float(values.median())
    text = (
        " De bron publiceert geen cijfer voor de groep als geheel; de stippellijn is de mediaan"
        f" van de {len(values)} gemeenten met een cijfer:"
        f" {format_number(median, measure.decimals)}."
    )
    return text, ("Mediaan", median)


def member_names(page: PageContext, group: Group) -> dict[str, str]:
    """Code -> name of every member of the group in its year."""
    names = group_index(page.release).names
    return {code: names.get((group.year, code), code) for code in group.members}


def members_list(
    group: Group, names: dict[str, str], members: pd.DataFrame, year: int
) -> html.Details:
    """The members, folded: one click away."""
    known = int(members["value"].notna().sum())
    summary = (
        f"{capitalised(group.name)}: {len(names)} gemeenten, {known} met een cijfer over {year}"
    )
    listed = sorted(names.values())
    return html.Details(
        [html.Summary(summary), html.P(", ".join(listed), className="small mb-1")],
        className="small sk-group-members",
    )


def _lead(state: ViewState, members: pd.DataFrame, measure: Measure) -> str:
    """How big the group is, how many have a number, and the measure shown."""
    group, year = state.group, state.detail_year
    known = int(members["value"].notna().sum())
    text = f"{capitalised(group.name)} telt in {year} {len(group.members)} gemeenten; {known} met"
    text += " een cijfer."
    own = members[members["municipality_code"] == state.code]
    if not own["value"].notna().any():
        text += f" {state.name} heeft over {year} geen cijfer."
    if measure is not state.measure:
        label = measure.label[:1].lower() + measure.label[1:]
        text += (
            f" Deze vergelijking toont {label}: absolute aantallen zijn tussen gemeenten niet te"
            " vergelijken."
        )
    return text


def _member_table(
    members: pd.DataFrame,
    ranks: dict[str, Rank],
    state: ViewState,
    measure: Measure,
    names: dict[str, str],
    labels: dict,
) -> pd.DataFrame:
    """One row per member with its value, rank, source and status; a member the release has
    no row for is listed too ('geen cijfer in deze publicatie')."""
    table = tables.series_rows(
        members, series=state.group.name, measure=measure, status_labels=labels
    )
    places = [ranks[c].label if c in ranks else "" for c in members["municipality_code"]]
    table.insert(table.columns.get_loc("Waarde") + 1, "Plek", places)
    missing = [code for code in names if code not in set(members["municipality_code"])]
    extra = pd.DataFrame(
        {
            "Plaats": [names[code] for code in missing],
            "Reeks": state.group.name,
            "Jaar": state.detail_year,
            "Maat": measure.label,
            "Status": "geen cijfer in deze publicatie",
        },
        columns=table.columns,
    )
    return tables.stack(table, extra)


def comparison_panel(
    page: PageContext,
    spec_page: str,
    indicator: Indicator,
    state: ViewState,
    data: PageData,
    view_link: str,
) -> html.Section:
    """The group's members in the year shown, the rank, and each member's value and source."""
    measure = comparable_measure(indicator, state.measure)
    group, year = state.group, state.detail_year
    rows = queries.indicator_series(
        page.release, indicator.indicator, measure.measure, list(group.members), (year, year)
    )
    members = rows[rows["category"] == indicator.headline_category]
    title = f"{state.name} in {group.name}, {year}"
    if not members["value"].notna().any():
        text = f"Voor {group.name} is er over {year} geen cijfer."
        return no_data_panel(f"{spec_page}-groep", title, text, indicator.import_template)
    ranks = (
        rank_with_ties(members, higher_is_better=bool(indicator.higher_is_better))
        if measure.comparable
        else {}
    )
    figure_rows = _group_figure(page, indicator, measure, group, year)
    names = member_names(page, group)
    value_text, reference = group_value_sentence(group, figure_rows, members, measure)
    sentence = _lead(state, members, measure) + rank_sentence(
        ranks.get(state.code), state, indicator
    )
    return chart_panel(
        f"{spec_page}-groep",
        title=title,
        sentence=sentence + value_text,
        figure=distribution_figure(
            members,
            own=state.code,
            x_label=measure.axis,
            decimals=measure.decimals,
            higher_is_better=indicator.higher_is_better,
            reference=reference,
        ),
        table=_member_table(members, ranks, state, measure, names, data.status_labels),
        sources=combine(series_sources(members), series_sources(figure_rows)),
        is_demo=bool(members["is_demo"].any()),
        view_link=view_link,
        notes=[members_list(group, names, members, year)],
    )


def _group_figure(
    page: PageContext, indicator: Indicator, measure: Measure, group: Group, year: int
) -> pd.DataFrame:
    """The publisher's own figure for the group in the year (a province, a region, NL01)."""
    if not group.region_code:
        return pd.DataFrame(columns=["value", "source_publisher"])
    rows = queries.indicator_series(
        page.release, indicator.indicator, measure.measure, [group.region_code], (year, year)
    )
    return rows[rows["category"] == indicator.headline_category]
