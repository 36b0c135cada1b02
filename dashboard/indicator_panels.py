"""Extra panels some indicator pages add: survey points and realised-against-budget."""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard import queries
from dashboard.components.chart_panel import chart_panel
from dashboard.figures.indicators import budget_figure, points_figure
from dashboard.indicator_page import (
    NATIONAL,
    Measure,
    ViewState,
    _any_demo,
    _series_table,
    _sources_for,
)
from dashboard.labels import format_euro, format_number

SURVEY = Measure("pct", "count", "Percentage volwassenen", "% van de volwassenen (18+)",
                 "", "%", decimals=1)


def survey_panel(page: str, state: ViewState, view_url: str) -> html.Section:
    """Health-monitor share of adults doing volunteer work: separate points, not a yearly line."""
    first, last = state.period
    series = queries.indicator_series("adults_volunteering_pct", "count", [state.code, NATIONAL],
                                      first, last)
    own = series[series["municipality_code"] == state.code]
    national = series[series["municipality_code"] == NATIONAL]
    band = queries.comparison_band("adults_volunteering_pct", "total", "count", state.group,
                                   first, last)
    figure = points_figure(own, band, national, name=state.name, y_label=SURVEY.axis)
    if own.empty:
        sentence = f"De gezondheidsmonitor heeft voor {state.name} in deze periode geen meting."
    else:
        latest = own.sort_values("year").iloc[-1]
        sentence = (f"Bij de meting van {int(latest['year'])} deed "
                    f"{format_number(latest['value'], 1)}% van de volwassenen in {state.name} "
                    "vrijwilligerswerk. De gezondheidsmonitor meet dit eens in de paar jaar; "
                    "de punten zijn daarom niet met een lijn verbonden.")
    table = _series_table([(state.name, own, "value"), ("Nederland", national, "value"),
                           ("Vergelijkingsgroep: mediaan", band, "median")], SURVEY)
    return chart_panel(f"{page}-monitor", title="Volwassenen die vrijwilligerswerk doen",
                       sentence=sentence, figure=figure, table=table,
                       sources=_sources_for(own, national, band),
                       is_demo=_any_demo(own, national, band), view_url=view_url)


def budget_panel(page: str, state: ViewState, view_url: str) -> html.Section:
    """Realised spend against budget, in the page's chosen measure."""
    first, last = state.period
    measure = state.measure
    frames = {
        indicator: queries.indicator_series(indicator, measure.measure, [state.code], first, last)
        for indicator in ("spend_realised_eur", "spend_budget_eur")
    }
    realised, budget = (frames[name][frames[name]["category"] == "total"]
                        for name in ("spend_realised_eur", "spend_budget_eur"))
    figure = budget_figure(realised, budget, y_label=measure.axis)
    table = _series_table([("Gerealiseerd", realised, "value"), ("Begroot", budget, "value")],
                          measure)
    changes = _documented_changes(state.code)
    return chart_panel(f"{page}-budget", title="Gerealiseerd tegenover begroot",
                       sentence=_budget_sentence(realised, budget, state, measure) + changes[0],
                       figure=figure, table=table,
                       sources=_sources_for(realised, budget, changes[1]),
                       is_demo=_any_demo(realised, budget), view_url=view_url)


def _budget_sentence(realised: pd.DataFrame, budget: pd.DataFrame, state: ViewState,
                     measure: Measure) -> str:
    both = realised.merge(budget, on="year", suffixes=("_realised", "_budget")).dropna(
        subset=["value_realised", "value_budget"])
    if both.empty:
        return f"Voor {state.name} is geen begroting bekend in deze periode."
    last = both.sort_values("year").iloc[-1]
    difference = 100 * (last["value_realised"] - last["value_budget"]) / last["value_budget"]
    side = "boven" if difference > 0 else "onder"
    amount = (format_euro(last["value_realised"]) if measure.measure == "count"
              else f"{format_euro(last['value_realised'], 2)} {measure.unit.removeprefix('euro ')}")
    return (f"In {int(last['year'])} gaf {state.name} {amount} uit, "
            f"{format_number(abs(difference), 1)}% {side} de begroting.")


def _documented_changes(code: str) -> tuple[str, pd.DataFrame]:
    """A cited sentence for spend changes a document states (e.g. 'twee ton minder in 2022')."""
    figures = queries.documented_figures(code, "spend_realised_eur")
    changes = figures[figures["figure_kind"] == "change"]
    if changes.empty:
        return "", changes
    row = changes.iloc[0]
    direction = "minder" if row["value"] < 0 else "meer"
    return (f" Volgens {row['publisher']} ({str(row['published_on'])[:4]}) gaf de gemeente in "
            f"{int(row['year'])} ongeveer {format_euro(abs(row['value']))} {direction} uit aan "
            "hulp en zorg; het artikel noemt geen vergelijkingsjaar.", changes)
