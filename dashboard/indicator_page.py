"""What the four indicator pages share: URL state, controls, trend, breakdown and detail panels.

A page module declares an `IndicatorPage` and calls `page_layout` and `register_callbacks`; this
module turns the link into a `ViewState`, queries the store and assembles the panels. The view
is rebuilt from the link on every change, so a shared URL always shows the sender's view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, callback, ctx, dcc, html, no_update

from dashboard import queries
from dashboard.components.chart_panel import chart_panel, data_table
from dashboard.components.controls import labelled_control, municipality_options
from dashboard.components.feedback import url_problem_alert
from dashboard.figures.indicators import Event, breakdown_figure, trend_figure
from dashboard.labels import SUPPRESSED, format_number
from dashboard.narrative import trend_sentence
from dashboard.settings import get_settings
from dashboard.url_state import (
    UrlProblem,
    build_search,
    non_default,
    parse_choice,
    parse_codes,
    parse_municipality,
    parse_period,
    parse_year,
    unknown_parameters,
)

COMPARISONS = {
    "provincie": "Gemeenten in dezelfde provincie",
    "grootte": "Gemeenten van vergelijkbare grootte",
    "selectie": "Eigen selectie",
}
PARAMETERS = ("gemeente", "vergelijking", "selectie", "van", "tot", "maat", "jaar", "categorie")
NATIONAL = "NL01"


@dataclass(frozen=True)
class Measure:
    """A way to express the indicator (URL value `key`), e.g. 'per1000' -> per_1000_youth."""

    key: str
    measure: str
    label: str
    axis: str
    sentence: str  # level sentence with {year}, {value}, {name}
    unit: str  # after a number: '311 jongeren', '12,4 per 1.000 jongeren'
    decimals: int = 0
    in_points: bool = False
    comparable: bool = True  # counts and euros differ by size: no band or national line


@dataclass(frozen=True)
class IndicatorPage:
    """Declarative description of one indicator page."""

    page: str
    title: str
    question: str
    indicator: str
    headline_category: str
    headline_title: str
    breakdown_title: str
    measures: tuple[Measure, ...]
    extra_panels: tuple[Callable[[ViewState, str], html.Section], ...] = ()

    def measure(self, key: str) -> Measure:
        """The measure with URL value `key`."""
        return next(m for m in self.measures if m.key == key)


@dataclass
class ViewState:
    """Everything the link says, validated."""

    code: str
    name: str
    comparison: str
    selection: list[str]
    group: list[str]
    period: tuple[int, int]
    measure: Measure
    detail_year: int
    detail_category: str | None
    query: dict[str, str]
    defaults: dict[str, str]
    problems: list[UrlProblem] = field(default_factory=list)

    def search(self) -> str:
        """The link's query string, defaults left out."""
        return "?" + urlencode(self.query, safe=",") if self.query else ""


def comparison_group(regions: pd.DataFrame, code: str, kind: str, selection: list[str]) -> list[str]:
    """Codes of the peer municipalities (never the municipality itself)."""
    municipalities = regions[regions["region_kind"] == "municipality"]
    own = regions[regions["municipality_code"] == code]
    if kind == "selectie":
        peers = selection
    elif kind == "grootte" and len(own):
        peers = municipalities.loc[municipalities["size_class"] == own["size_class"].iloc[0],
                                   "municipality_code"].tolist()
    else:
        province = own["province_code"].iloc[0] if len(own) else None
        peers = municipalities.loc[municipalities["province_code"] == province,
                                   "municipality_code"].tolist()
    return [peer for peer in peers if peer != code]


def parse_view(config: IndicatorPage, query: dict[str, str], regions: pd.DataFrame) -> ViewState:
    """Validate every URL parameter; bad ones fall back to defaults and are reported."""
    known = regions["municipality_code"].tolist()
    code, problem = parse_municipality(query.get("gemeente"), known, get_settings().default_municipality)
    problems = [p for p in [problem] if p]
    comparison, problem = parse_choice("vergelijking", query.get("vergelijking"), COMPARISONS, "provincie")
    selection, selection_problem = parse_codes("selectie", query.get("selectie"), known)
    measures = {m.key: m.label for m in config.measures}
    measure_key, measure_problem = parse_choice("maat", query.get("maat"), measures, config.measures[0].key)
    years = queries.available_years(code)
    period, period_problems = parse_period(query.get("van"), query.get("tot"), years)
    in_period = [y for y in years if period[0] <= y <= period[1]]
    detail_year, year_problem = parse_year(query.get("jaar"), in_period)
    problems += [p for p in (problem, selection_problem, measure_problem, year_problem) if p]
    problems += period_problems + unknown_parameters(query, PARAMETERS)
    name = regions.loc[regions["municipality_code"] == code, "municipality_name"].iloc[0]
    state_query = {"gemeente": code, "vergelijking": comparison, "selectie": ",".join(selection),
                   "van": period[0], "tot": period[1], "maat": measure_key, "jaar": detail_year,
                   "categorie": query.get("categorie")}
    defaults = {"gemeente": get_settings().default_municipality, "vergelijking": "provincie",
                "van": years[0] if years else "", "tot": years[-1] if years else "",
                "maat": config.measures[0].key, "jaar": in_period[-1] if in_period else ""}
    return ViewState(
        code=code, name=name, comparison=comparison, selection=selection,
        group=comparison_group(regions, code, comparison, selection), period=period,
        measure=config.measure(measure_key), detail_year=detail_year or period[1],
        detail_category=query.get("categorie") or None,
        query=non_default(state_query, defaults),
        defaults={key: str(value) for key, value in defaults.items()},
        problems=problems,
    )


def cooperative_events(code: str) -> list[Event]:
    """Dated events for trend annotations, from the case studies of this municipality."""
    if not hasattr(queries, "case_start_dates"):  # TODO(lead): remove once cases are merged
        return []
    starts = queries.case_start_dates(code)
    events = []
    for row in starts.itertuples(index=False):
        month = getattr(row, "start_month", None)
        fraction = (int(month) - 1) / 12 if month and not pd.isna(month) else 0.5
        events.append(Event(int(row.start_year) + fraction, f"Start {row.name}"))
    return events


def _ids(page: str) -> dict[str, str]:
    names = ("url", "state", "gemeente", "vergelijking", "selectie", "periode", "maat", "breakdown")
    return {name: f"{page}-{name}" for name in names}


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
            rows.append({"Reeks": label, "Jaar": int(row.year), "Maat": measure.label,
                         "Waarde": getattr(row, column),
                         "Voorbeeldgegevens": bool(getattr(row, "is_demo", False))})
    return pd.DataFrame(rows, columns=["Reeks", "Jaar", "Maat", "Waarde", "Voorbeeldgegevens"])


def trend_panel(
    config: IndicatorPage, state: ViewState, view_url: str, *, indicator: str | None = None,
    category: str | None = None, title: str | None = None, measure: Measure | None = None,
    suffix: str = "trend",
) -> html.Section:
    """A headline series against the comparison band and the Netherlands, with events."""
    indicator = indicator or config.indicator
    category = category or config.headline_category
    measure, (first, last) = measure or state.measure, state.period
    series = queries.indicator_series(indicator, measure.measure, [state.code, NATIONAL],
                                      first, last)
    headline = series[series["category"] == category]
    own = headline[headline["municipality_code"] == state.code]
    national = headline[headline["municipality_code"] == NATIONAL]
    band = queries.comparison_band(indicator, category, measure.measure, state.group, first, last)
    if not measure.comparable or state.code == NATIONAL:
        national, band = national.iloc[0:0], band.iloc[0:0]
    documented = _documented_points(indicator, category, state, own)
    figure = trend_figure(own, band, national, name=state.name, y_label=measure.axis,
                          decimals=measure.decimals, events=cooperative_events(state.code),
                          documented=documented)
    table = _series_table([(state.name, own, "value"), ("Nederland", national, "value"),
                           ("Vergelijkingsgroep: 25%", band, "p25"),
                           ("Vergelijkingsgroep: mediaan", band, "median"),
                           ("Vergelijkingsgroep: 75%", band, "p75")], measure)
    sentence = trend_sentence(own, measure.sentence, name=state.name, decimals=measure.decimals,
                              in_points=measure.in_points)
    return chart_panel(f"{config.page}-{suffix}", title=title or config.headline_title,
                       sentence=sentence + _group_note(state, measure) + _documented_note(documented),
                       figure=figure, table=table,
                       sources=_sources_for(own, national, band, documented),
                       is_demo=_any_demo(own, national, band), view_url=view_url)


def _group_note(state: ViewState, measure: Measure) -> str:
    if not measure.comparable:
        return (" Absolute aantallen zijn niet te vergelijken tussen gemeenten van verschillende"
                " grootte; kies een relatieve weergave om te vergelijken.")
    return (f" Vergelijkingsgroep: {COMPARISONS[state.comparison].lower()}"
            f" ({len(state.group)} gemeenten).")


def _documented_points(
    indicator: str, category: str, state: ViewState, own: pd.DataFrame
) -> pd.DataFrame:
    """Years whose number a source document states, placed on the plotted series."""
    figures = queries.documented_figures(state.code, indicator)
    figures = figures[(figures["figure_kind"] == "level") & (figures["category"] == category)]
    points = own[own["year"].isin(figures["year"])][["year", "value"]].merge(
        figures[["year", "value", "publisher", "published_on", "source_id"]].rename(
            columns={"value": "stated"}), on="year")
    points["label"] = [f"{format_number(r.stated)} ({r.publisher} {str(r.published_on)[:4]})"
                       for r in points.itertuples(index=False)]
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
    return pd.DataFrame({
        "Jaar": rows["year"].astype(int).tolist(),
        "Categorie": rows["category_label"].tolist(),
        "Maat": measure.label,
        "Waarde": [suppressed_text if hidden else value
                   for value, hidden in zip(rows["value"], rows["is_suppressed"], strict=True)],
        "Voorbeeldgegevens": rows["is_demo"].astype(bool).tolist(),
    })


def breakdown_panel(config: IndicatorPage, state: ViewState, view_url: str) -> html.Section:
    """Categories per year; a click on a bar selects that year and category for the detail."""
    measure, (first, last) = state.measure, state.period
    series = queries.indicator_series(config.indicator, measure.measure, [state.code], first, last)
    rows = series[~series["is_total"]]
    figure = breakdown_figure(rows, y_label=measure.axis, decimals=measure.decimals,
                              selected_year=state.detail_year)
    hidden = int(rows["is_suppressed"].sum())
    sentence = _largest_category_sentence(rows, state, measure)
    if hidden:
        sentence += (f" {hidden} cel(len) met kleine aantallen zijn niet getoond ({_threshold()}),"
                     " om herleidbaarheid te voorkomen.")
    sentence += " Klik op een staaf om dat jaar en die categorie hieronder te bekijken."
    return chart_panel(f"{config.page}-breakdown", title=config.breakdown_title, sentence=sentence,
                       figure=figure, table=breakdown_table(rows, measure, _threshold()),
                       sources=_sources_for(rows), is_demo=_any_demo(rows), view_url=view_url,
                       graph_id=_ids(config.page)["breakdown"])


def _largest_category_sentence(rows: pd.DataFrame, state: ViewState, measure: Measure) -> str:
    latest = rows[(rows["year"] == rows["year"].max()) & rows["value"].notna()]
    if latest.empty:
        return f"Voor {state.name} is in deze periode geen uitsplitsing beschikbaar."
    top = latest.sort_values("value", ascending=False).iloc[0]
    return (f"In {int(top['year'])} was '{top['category_label']}' de grootste categorie "
            f"({format_number(top['value'], measure.decimals)} {measure.unit}).")


def detail_panel(config: IndicatorPage, state: ViewState) -> html.Section:
    """The selected year's breakdown, and the selected category against its group over time."""
    measure, (first, last) = state.measure, state.period
    series = queries.indicator_series(config.indicator, measure.measure, [state.code], first, last)
    year_rows = series[(series["year"] == state.detail_year) & ~series["is_total"]]
    children: list = [
        html.H2(f"Detail {state.detail_year}", className="h5"),
        data_table(breakdown_table(year_rows, measure, _threshold()),
                   f"Uitsplitsing {state.name} {state.detail_year}"),
    ]
    category = state.detail_category
    if category and category in set(series["category"]):
        own = series[series["category"] == category]
        band = queries.comparison_band(config.indicator, category, measure.measure, state.group,
                                       first, last)
        label = own["category_label"].iloc[0]
        children += [
            html.H3(f"{label}: {state.name} en vergelijkingsgroep", className="h6 mt-3"),
            dcc.Graph(figure=trend_figure(own, band, own.iloc[0:0], name=state.name,
                                          y_label=measure.axis, decimals=measure.decimals),
                      config={"displaylogo": False, "locale": "nl"}),
        ]
    return html.Section(children, id=f"{config.page}-detail",
                        className="sk-panel border rounded p-3 mb-4",
                        **{"aria-label": f"Detail {state.detail_year}"})


def controls(config: IndicatorPage, state: ViewState, regions: pd.DataFrame) -> dbc.Row:
    """Municipality, comparison group, period and measure; their state lives in the link."""
    ids = _ids(config.page)
    years = queries.available_years(state.code)
    municipalities = regions[regions["region_kind"] == "municipality"]
    return dbc.Row([
        dbc.Col(labelled_control("Gemeente", dcc.Dropdown(
            id=ids["gemeente"], options=municipality_options(regions), value=state.code,
            clearable=False)), md=4),
        dbc.Col(labelled_control("Vergelijken met", dcc.Dropdown(
            id=ids["vergelijking"], options=[{"label": v, "value": k} for k, v in COMPARISONS.items()],
            value=state.comparison, clearable=False, searchable=False)), md=4),
        dbc.Col(labelled_control("Eigen selectie", dcc.Dropdown(
            id=ids["selectie"], options=municipality_options(municipalities), value=state.selection,
            multi=True, disabled=state.comparison != "selectie",
            placeholder="Kies gemeenten")), md=4),
        dbc.Col(labelled_control("Periode", dcc.RangeSlider(
            id=ids["periode"], min=years[0], max=years[-1], step=1, value=list(state.period),
            marks={year: str(year) for year in years}, allowCross=False)), md=8),
        dbc.Col(labelled_control("Weergave", dcc.Dropdown(
            id=ids["maat"], options=[{"label": m.label, "value": m.key} for m in config.measures],
            value=state.measure.key, clearable=False, searchable=False)), md=4),
    ], className="sk-controls g-2 mb-3")


def page_layout(config: IndicatorPage, query: dict[str, str]) -> html.Div:
    """Build the whole page from the link."""
    regions = queries.regions_with_data()
    state = parse_view(config, query, regions)
    view_url = f"/{config.page}{state.search()}"
    ids = _ids(config.page)
    return html.Div([
        dcc.Location(id=ids["url"], refresh="callback-nav"),
        dcc.Store(id=ids["state"], data={"query": state.query, "defaults": state.defaults}),
        html.H1(f"{config.title} {state.name}", className="h3"),
        html.P(config.question, className="lead"),
        url_problem_alert(state.problems),
        controls(config, state, regions),
        trend_panel(config, state, view_url),
        breakdown_panel(config, state, view_url),
        detail_panel(config, state),
        *[panel(state, view_url) for panel in config.extra_panels],
    ])


def next_query(current: dict[str, str], controls_state: dict[str, object],
               click: dict | None, triggered: str | None, breakdown_id: str) -> dict[str, str]:
    """The link's new parameters after a control change or a click on the breakdown chart."""
    query = {key: value for key, value in current.items() if key in ("jaar", "categorie")}
    query.update({key: str(value) for key, value in controls_state.items() if value not in (None, "")})
    if triggered == breakdown_id and click and click.get("points"):
        point = click["points"][0]
        query["jaar"] = str(int(point["x"]))
        if point.get("customdata"):
            query["categorie"] = str(point["customdata"][0])
    return query


def register_callbacks(config: IndicatorPage) -> None:
    """The page's one callback: every control (and a bar click) rewrites the link."""
    ids = _ids(config.page)

    @callback(
        Output(ids["url"], "search"),
        Input(ids["gemeente"], "value"), Input(ids["vergelijking"], "value"),
        Input(ids["selectie"], "value"), Input(ids["periode"], "value"),
        Input(ids["maat"], "value"), Input(ids["breakdown"], "clickData"),
        State(ids["state"], "data"),
        prevent_initial_call=True,
    )
    def write_link(code, comparison, selection, period, measure, click, stored):  # noqa: ANN001
        current, defaults = (stored or {}).get("query", {}), (stored or {}).get("defaults", {})
        controls_state = {
            "gemeente": code, "vergelijking": comparison,
            "selectie": ",".join(selection or []) if comparison == "selectie" else "",
            "van": period[0] if period else "", "tot": period[1] if period else "",
            "maat": measure,
        }
        if code != current.get("gemeente", defaults.get("gemeente")):
            controls_state.update(van="", tot="")  # another municipality may cover other years
        query = next_query(current, controls_state, click, ctx.triggered_id, ids["breakdown"])
        search = build_search(query, defaults)
        return no_update if search == build_search(current, defaults) else search

    write_link.__name__ = f"{config.page}_write_link"
