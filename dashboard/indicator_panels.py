"""Panels of the indicator pages: trend against peers, breakdown, detail, survey, budget.

Each panel queries the store, builds a pure figure and wraps it in a chart panel with its Dutch
sentence, sources, sample marker, table and downloads.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard import queries
from dashboard.components.chart_panel import chart_panel, data_table
from dashboard.components.provenance import source_note
from dashboard.figures.indicators import (
    Event,
    breakdown_figure,
    budget_figure,
    points_figure,
    trend_figure,
)
from dashboard.indicator_state import (
    COMPARISONS,
    NATIONAL,
    IndicatorPage,
    Measure,
    ViewState,
    component_ids,
)
from dashboard.labels import format_euro, format_number
from dashboard.narrative import trend_sentence


def cooperative_events(code: str, period: tuple[int, int]) -> list[Event]:
    """Dated events for trend annotations: milestones of this municipality's cases."""
    events = []
    for row in queries.case_events(code).itertuples(index=False):
        if not period[0] <= row.year <= period[1]:
            continue
        month = None if pd.isna(row.month) else int(row.month)
        position = row.year + ((month - 1) / 12 if month else 0.5)
        label = f"Start {row.case_name}" if row.marks_start else _short(row.description)
        events.append(
            Event(
                position,
                f"{row.date_text}: {label}"
                if not row.marks_start
                else f"{label} ({row.date_text})",
            )
        )
    return events


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


def _sources_for(*frames: pd.DataFrame) -> pd.DataFrame:
    ids: set[str] = set()
    for frame in frames:
        for column in ("source_id", "denominator_source_id"):
            if column in frame:
                ids |= {value for value in frame[column].dropna() if value}
        if "source_ids" in frame:
            ids |= {value for values in frame["source_ids"] for value in values}
    return queries.sources_by_id(sorted(ids))


def _any_demo(*frames: pd.DataFrame) -> bool:
    return any(bool(frame["is_demo"].any()) for frame in frames if len(frame))


def _series_table(parts: list[tuple[str, pd.DataFrame, str]], measure: Measure) -> pd.DataFrame:
    """Plotted series in long form with Dutch column names (the download and table)."""
    rows = []
    for label, frame, column in parts:
        for row in frame.itertuples(index=False):
            rows.append(
                {
                    "Reeks": label,
                    "Jaar": int(row.year),
                    "Maat": measure.label,
                    "Waarde": getattr(row, column),
                    "Voorbeeldgegevens": bool(getattr(row, "is_demo", False)),
                    "Voorlopig": bool(getattr(row, "is_provisional", False)),
                }
            )
    return pd.DataFrame(
        rows, columns=["Reeks", "Jaar", "Maat", "Waarde", "Voorbeeldgegevens", "Voorlopig"]
    )


def trend_panel(
    config: IndicatorPage,
    state: ViewState,
    view_url: str,
    *,
    indicator: str | None = None,
    category: str | None = None,
    title: str | None = None,
    measure: Measure | None = None,
    suffix: str = "trend",
) -> html.Section:
    """A headline series against the comparison band and the Netherlands, with events."""
    indicator = indicator or config.indicator
    category = category or config.headline_category
    measure, (first, last) = measure or state.measure, state.period
    series = queries.indicator_series(
        indicator, measure.measure, [state.code, NATIONAL], first, last
    )
    headline = series[series["category"] == category]
    own = headline[headline["municipality_code"] == state.code]
    national = headline[headline["municipality_code"] == NATIONAL]
    band = queries.comparison_band(indicator, category, measure.measure, state.group, first, last)
    if not measure.comparable or state.code == NATIONAL:
        national, band = national.iloc[0:0], band.iloc[0:0]
    documented = _documented_points(indicator, category, state, own)
    figure = trend_figure(
        own,
        band,
        national,
        name=state.name,
        y_label=measure.axis,
        decimals=measure.decimals,
        events=cooperative_events(state.code, state.period),
        documented=documented,
    )
    table = _series_table(
        [
            (state.name, own, "value"),
            ("Nederland", national, "value"),
            ("Vergelijkingsgroep: 25%", band, "p25"),
            ("Vergelijkingsgroep: mediaan", band, "median"),
            ("Vergelijkingsgroep: 75%", band, "p75"),
        ],
        measure,
    )
    sentence = trend_sentence(
        own,
        measure.sentence,
        name=state.name,
        decimals=measure.decimals,
        in_points=measure.in_points,
    )
    return chart_panel(
        f"{config.page}-{suffix}",
        title=title or config.headline_title,
        sentence=sentence + _group_note(state, measure) + _documented_note(documented),
        figure=figure,
        table=table,
        sources=_sources_for(own, national, band, documented),
        is_demo=_any_demo(own, national, band),
        view_url=view_url,
    )


def _group_note(state: ViewState, measure: Measure) -> str:
    if not measure.comparable:
        return (
            " Absolute aantallen zijn niet te vergelijken tussen gemeenten van verschillende"
            " grootte; kies een relatieve weergave om te vergelijken."
        )
    return (
        f" Vergelijkingsgroep: {COMPARISONS[state.comparison].lower()}"
        f" ({len(state.group)} gemeenten)."
    )


def _documented_points(
    indicator: str, category: str, state: ViewState, own: pd.DataFrame
) -> pd.DataFrame:
    """Years whose number a source document states: at the stated count, or on the rate line."""
    figures = queries.documented_figures(state.code, indicator)
    figures = figures[(figures["figure_kind"] == "level") & (figures["category"] == category)]
    points = own[own["year"].isin(figures["year"])][["year", "value"]].merge(
        figures[["year", "value", "publisher", "published_on", "source_id"]].rename(
            columns={"value": "stated"}
        ),
        on="year",
    )
    if state.measure.measure == "count":
        points["value"] = points["stated"]  # the document's own number, even if CBS differs
    points["label"] = [
        f"{format_number(r.stated)} ({r.publisher} {str(r.published_on)[:4]})"
        for r in points.itertuples(index=False)
    ]
    points["is_demo"] = False
    return points


def _documented_note(documented: pd.DataFrame) -> str:
    if documented.empty:
        return ""
    years = " en ".join(str(int(y)) for y in documented["year"])
    return f" De sterren ({years}) zijn cijfers die een brondocument noemt."


def _threshold() -> str:
    threshold = queries.store_info().get("suppression_threshold", 10)
    return f"<{threshold}"


def breakdown_table(rows: pd.DataFrame, measure: Measure, suppressed_text: str) -> pd.DataFrame:
    """Breakdown rows with Dutch columns; suppressed cells say '<10' instead of a number."""
    return pd.DataFrame(
        {
            "Jaar": rows["year"].astype(int).tolist(),
            "Categorie": rows["category_label"].tolist(),
            "Maat": measure.label,
            "Waarde": [
                suppressed_text if hidden else value
                for value, hidden in zip(rows["value"], rows["is_suppressed"], strict=True)
            ],
            "Voorbeeldgegevens": rows["is_demo"].astype(bool).tolist(),
            "Voorlopig": rows["is_provisional"].astype(bool).tolist(),
        }
    )


def breakdown_panel(config: IndicatorPage, state: ViewState, view_url: str) -> html.Section:
    """Categories per year; a click on a bar selects that year and category for the detail."""
    measure, (first, last) = state.measure, state.period
    series = queries.indicator_series(config.indicator, measure.measure, [state.code], first, last)
    rows = series[~series["is_total"]]
    figure = breakdown_figure(
        rows,
        y_label=measure.axis,
        decimals=measure.decimals,
        selected_year=state.detail_year,
        suppressed_text=f"{_threshold()} (niet getoond)",
    )
    hidden = int(rows["is_suppressed"].sum())
    sentence = _largest_category_sentence(rows, state, measure)
    if hidden:
        sentence += (
            f" {hidden} cel(len) met kleine aantallen zijn niet getoond ({_threshold()}),"
            " om herleidbaarheid te voorkomen."
        )
    sentence += " Klik op een staaf om dat jaar en die categorie hieronder te bekijken."
    return chart_panel(
        f"{config.page}-breakdown",
        title=config.breakdown_title,
        sentence=sentence,
        figure=figure,
        table=breakdown_table(rows, measure, _threshold()),
        sources=_sources_for(rows),
        is_demo=_any_demo(rows),
        view_url=view_url,
        graph_id=component_ids(config.page)["breakdown"],
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


def detail_panel(config: IndicatorPage, state: ViewState, view_url: str) -> html.Section:
    """The selected year's breakdown, and the selected category against its group over time."""
    measure, (first, last) = state.measure, state.period
    series = queries.indicator_series(config.indicator, measure.measure, [state.code], first, last)
    year_rows = series[(series["year"] == state.detail_year) & ~series["is_total"]]
    children: list = [
        html.H2(f"Detail {state.detail_year}", className="h5"),
        data_table(
            breakdown_table(year_rows, measure, _threshold()),
            f"Uitsplitsing {state.name} {state.detail_year}",
        ),
        source_note(_sources_for(year_rows), is_demo=_any_demo(year_rows)),
    ]
    category = state.detail_category
    if category and category in set(series["category"]):
        children.append(_category_panel(config, state, series, category, view_url))
    return html.Section(
        children,
        id=f"{config.page}-detail",
        className="sk-panel border rounded p-3 mb-4",
        **{"aria-label": f"Detail {state.detail_year}"},
    )


def _category_panel(
    config: IndicatorPage, state: ViewState, series: pd.DataFrame, category: str, view_url: str
) -> html.Section:
    """One category of the breakdown over time, against the same category in the group."""
    measure, (first, last) = state.measure, state.period
    own = series[series["category"] == category]
    band = queries.comparison_band(
        config.indicator, category, measure.measure, state.group, first, last
    )
    if not measure.comparable:
        band = band.iloc[0:0]
    label = own["category_label"].iloc[0]
    figure = trend_figure(
        own, band, own.iloc[0:0], name=state.name, y_label=measure.axis, decimals=measure.decimals
    )
    table = _series_table(
        [(state.name, own, "value"), ("Vergelijkingsgroep: mediaan", band, "median")], measure
    )
    sentence = trend_sentence(
        own,
        f"{label}: in {{year}} {{value}} {measure.unit} in {{name}}",
        name=state.name,
        decimals=measure.decimals,
        in_points=measure.in_points,
    )
    return chart_panel(
        f"{config.page}-detail-category",
        title=f"{label}: {state.name} en vergelijkingsgroep",
        sentence=sentence,
        figure=figure,
        table=table,
        sources=_sources_for(own, band),
        is_demo=_any_demo(own, band),
        view_url=view_url,
    )


SURVEY = Measure(
    "pct", "count", "Percentage volwassenen", "% van de volwassenen (18+)", "", "%", decimals=1
)


def survey_panel(page: str, state: ViewState, view_url: str) -> html.Section:
    """Health-monitor share of adults doing volunteer work: separate points, not a yearly line."""
    first, last = state.period
    series = queries.indicator_series(
        "adults_volunteering_pct", "count", [state.code, NATIONAL], first, last
    )
    own = series[series["municipality_code"] == state.code]
    national = series[series["municipality_code"] == NATIONAL]
    band = queries.comparison_band(
        "adults_volunteering_pct", "total", "count", state.group, first, last
    )
    figure = points_figure(own, band, national, name=state.name, y_label=SURVEY.axis)
    if own.empty:
        sentence = f"De gezondheidsmonitor heeft voor {state.name} in deze periode geen meting."
    else:
        latest = own.sort_values("year").iloc[-1]
        sentence = (
            f"Bij de meting van {int(latest['year'])} deed "
            f"{format_number(latest['value'], 1)}% van de volwassenen in {state.name} "
            "vrijwilligerswerk. De gezondheidsmonitor meet dit eens in de paar jaar; "
            "de punten zijn daarom niet met een lijn verbonden."
        )
    table = _series_table(
        [
            (state.name, own, "value"),
            ("Nederland", national, "value"),
            ("Vergelijkingsgroep: mediaan", band, "median"),
        ],
        SURVEY,
    )
    return chart_panel(
        f"{page}-monitor",
        title="Volwassenen die vrijwilligerswerk doen",
        sentence=sentence,
        figure=figure,
        table=table,
        sources=_sources_for(own, national, band),
        is_demo=_any_demo(own, national, band),
        view_url=view_url,
    )


def budget_panel(page: str, state: ViewState, view_url: str) -> html.Section:
    """Realised spend against budget, in the page's chosen measure."""
    first, last = state.period
    measure = state.measure
    frames = {
        indicator: queries.indicator_series(indicator, measure.measure, [state.code], first, last)
        for indicator in ("spend_realised_eur", "spend_budget_eur")
    }
    realised, budget = (
        frames[name][frames[name]["category"] == "total"]
        for name in ("spend_realised_eur", "spend_budget_eur")
    )
    figure = budget_figure(realised, budget, y_label=measure.axis)
    table = _series_table(
        [("Gerealiseerd", realised, "value"), ("Begroot", budget, "value")], measure
    )
    changes = _documented_changes(state.code)
    return chart_panel(
        f"{page}-budget",
        title="Gerealiseerd tegenover begroot",
        sentence=_budget_sentence(realised, budget, state, measure) + changes[0],
        figure=figure,
        table=table,
        sources=_sources_for(realised, budget, changes[1]),
        is_demo=_any_demo(realised, budget),
        view_url=view_url,
    )


def _budget_sentence(
    realised: pd.DataFrame, budget: pd.DataFrame, state: ViewState, measure: Measure
) -> str:
    both = realised.merge(budget, on="year", suffixes=("_realised", "_budget")).dropna(
        subset=["value_realised", "value_budget"]
    )
    if both.empty:
        return f"Voor {state.name} is geen begroting bekend in deze periode."
    last = both.sort_values("year").iloc[-1]
    difference = 100 * (last["value_realised"] - last["value_budget"]) / last["value_budget"]
    side = "boven" if difference > 0 else "onder"
    amount = (
        format_euro(last["value_realised"])
        if measure.measure == "count"
        else f"{format_euro(last['value_realised'], 2)} {measure.unit.removeprefix('euro ')}"
    )
    return (
        f"In {int(last['year'])} gaf {state.name} {amount} uit, "
        f"{format_number(abs(difference), 1)}% {side} de begroting."
    )


def _documented_changes(code: str) -> tuple[str, pd.DataFrame]:
    """A cited sentence for spend changes a document states (e.g. 'twee ton minder in 2022')."""
    figures = queries.documented_figures(code, "spend_realised_eur")
    changes = figures[figures["figure_kind"] == "change"]
    if changes.empty:
        return "", changes
    row = changes.iloc[0]
    direction = "minder" if row["value"] < 0 else "meer"
    return (
        f" Volgens {row['publisher']} ({str(row['published_on'])[:4]}) gaf de gemeente in "
        f"{int(row['year'])} ongeveer {format_euro(abs(row['value']))} {direction} uit aan "
        "hulp en zorg; het artikel noemt geen vergelijkingsjaar.",
        changes,
    )
