"""The shared skeleton of the indicator pages: the spec, the controls, the layout and the link.

A page module declares an `IndicatorPage` and calls `register(spec)`. The view is rebuilt from
the link on every change (docs/decisions/0001), so a shared URL always shows the sender's view.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, callback, ctx, dcc, html, no_update
from dash.development.base_component import Component

from dashboard.components.controls import (
    labelled_control,
    labelled_group,
    municipality_options,
    select,
)
from dashboard.components.no_data import graph_placeholder
from dashboard.components.page_frame import page_frame
from dashboard.components.region_notice import region_notice
from dashboard.indicators.breakdown import breakdown_panel, detail_panel
from dashboard.indicators.catalogue import Indicator, indicator_from_catalogue
from dashboard.indicators.comparison import comparison_panel
from dashboard.indicators.data import PageData, group_index, load_page_data
from dashboard.indicators.groups import COMPARISONS, GroupIndex, find_group, option_label
from dashboard.indicators.map import map_panel
from dashboard.indicators.state import (
    CONTROLS,
    PARAMETERS,
    LinkContext,
    ViewState,
    component_ids,
    parse_view,
)
from dashboard.indicators.trend import trend_panel
from dashboard.serving.url_state import RawQuery, build_search, single_values
from dashboard.store import queries
from dashboard.store.page_context import RELEASE_PARAMETER, PageContext, open_page

# A page-specific panel: gets the page context, the view and its data, and the view's link.
ExtraPanel = Callable[[PageContext, ViewState, PageData, str], html.Section]


@dataclass(frozen=True)
class IndicatorPage:
    """One indicator page: what it is about; everything else comes from the catalogue."""

    page: str  # URL path segment and id prefix, e.g. 'jeugdhulp'
    title: str
    question: str
    indicator: str
    extra_panels: tuple[ExtraPanel, ...] = ()


def _column(label: str, control: Component, **width: int) -> dbc.Col:
    return dbc.Col(labelled_control(label, control), **(width or {"xs": 12, "md": 6, "lg": 4}))


@dataclass(frozen=True)
class RegionOptions:
    """The choices of the municipality picker and of the own selection (one list per release)."""

    regions: list[dict[str, str]]  # the country, the provinces, every municipality
    municipalities: list[dict[str, str]]

    @classmethod
    def of(cls, regions: pd.DataFrame) -> RegionOptions:
        municipalities = regions[regions["region_kind"] == "municipality"]
        return cls(municipality_options(regions), municipality_options(municipalities))


def _selection(component_id: str, options: RegionOptions, state: ViewState) -> dbc.Col:
    """Own comparison group: a checklist in a scroll box (ticking one switches to it)."""
    chosen = len(state.selection)
    checklist = dbc.Checklist(
        id=component_id,
        options=options.municipalities,
        value=list(state.selection),
        className="sk-checklist",
    )
    summary = f"Eigen selectie ({chosen} gekozen)" if chosen else "Eigen selectie"
    box = html.Details(
        [html.Summary(summary), html.Div(checklist, className="sk-scroll-box", tabIndex="0")],
        open=state.comparison == "selectie",
    )
    group = labelled_group("Eigen vergelijkingsgroep", box, component_id)
    return dbc.Col(group, xs=12, md=6, lg=4)


def comparison_options(state: ViewState, memberships: GroupIndex) -> list[dict[str, str]]:
    """Each kind of group, named for the municipality and year shown ('Jeugdregio Eemland')."""
    options = []
    for key in COMPARISONS:
        group = find_group(memberships, key, state.code, state.group.year, state.selection)
        options.append({"label": option_label(group), "value": key})
    return options


def controls(
    spec: IndicatorPage,
    indicator: Indicator,
    state: ViewState,
    options: RegionOptions,
    memberships: GroupIndex,
) -> dbc.Row:
    """Municipality, comparison group, period and measure; their state lives in the link."""
    ids = component_ids(spec.page)
    comparisons = comparison_options(state, memberships)
    measures = [{"label": m.label, "value": m.key} for m in indicator.measures]
    years = [{"label": str(y), "value": y} for y in (state.years or [state.period[0]])]
    return dbc.Row(
        [
            _column("Gemeente", select(ids["gemeente"], options.regions, state.code)),
            _column("Vergelijken met", select(ids["vergelijking"], comparisons, state.comparison)),
            _selection(ids["selectie"], options, state),
            _column("Van", select(ids["van"], years, state.period[0]), xs=6, md=3, lg=2),
            _column("Tot en met", select(ids["tot"], years, state.period[1]), xs=6, md=3, lg=2),
            _column("Weergave", select(ids["maat"], measures, state.measure.key)),
        ],
        className="sk-controls g-2 mb-3",
    )


def complete_link(spec: IndicatorPage, state: ViewState, release_id: str) -> str:
    """The view's link with every parameter spelled out, pinned to its release."""
    values = {**state.defaults, **state.query, RELEASE_PARAMETER: release_id}
    return f"/{spec.page}" + build_search(values, {})


def _pinned(query: dict[str, str], page: PageContext) -> dict[str, str]:
    """The link's parameters, with the release when the link names one."""
    return {**query, RELEASE_PARAMETER: page.release_id} if page.pinned else dict(query)


def _indicator_panels(
    page: PageContext,
    spec: IndicatorPage,
    indicator: Indicator,
    state: ViewState,
    data: PageData,
    link: str,
) -> list:
    """Trend, breakdown, detail and map; one panel saying why, when there is no number at all."""
    trend = trend_panel(spec.page, indicator, state, data, link)
    if not data.series["value"].notna().any() and data.bands.empty:
        # a breakdown and a map of nothing would only repeat it; their graphs stay as hidden
        # placeholders because the page's callback listens to them
        ids = component_ids(spec.page)
        return [trend, graph_placeholder(ids["breakdown"]), graph_placeholder(ids["kaart"])]
    return [
        trend,
        comparison_panel(page, spec.page, indicator, state, data, link),
        breakdown_panel(spec.page, indicator, state, data, link),
        detail_panel(spec.page, indicator, state, data, link),
        map_panel(page, spec.page, indicator, state, data, link),
    ]


def page_layout(spec: IndicatorPage, raw_query: RawQuery) -> html.Div:
    """Build the whole page from the link."""
    query, problems = single_values(raw_query, (*PARAMETERS, RELEASE_PARAMETER))
    page = open_page(query.get(RELEASE_PARAMETER))
    release = page.release
    regions = queries.regions_with_data(release)
    indicator = release.derived(
        f"indicator:{spec.indicator}",
        lambda: indicator_from_catalogue(queries.measure_catalogue(release), spec.indicator),
    )
    default = page.settings.default_municipality
    context = LinkContext(
        regions=regions,
        years_by_region=queries.region_years(release),
        categories=queries.categories(release, spec.indicator)["category"].tolist(),
        default_code=default
        if default in set(regions["municipality_code"])
        else regions["municipality_code"].iloc[0],
        memberships=group_index(release),
    )
    state = parse_view(indicator, query, context)
    data = load_page_data(release, indicator, state)
    link = complete_link(spec, state, page.release_id)
    ids = component_ids(spec.page)
    body = [
        dcc.Location(id=ids["url"], refresh="callback-nav"),
        dcc.Store(
            id=ids["state"], data={"query": _pinned(state.query, page), "defaults": state.defaults}
        ),
        controls(
            spec,
            indicator,
            state,
            release.derived("region_options", lambda: RegionOptions.of(regions)),
            context.memberships,
        ),
        *_indicator_panels(page, spec, indicator, state, data, link),
        *[panel(page, state, data, link) for panel in spec.extra_panels],
    ]
    body.insert(3, region_notice(regions, state.code, None))  # under the controls
    body = [part for part in body if part is not None]
    return page_frame(
        page,
        title=f"{spec.title} {state.name}",
        lead=spec.question,
        problems=problems + page.problems + state.problems,
        link=link,
        body=body,
    )


def next_query(
    current: dict[str, str],
    controls_state: Mapping[str, object],
    click: dict | None,
    triggered: str | None,
    breakdown_id: str,
    map_id: str = "",
) -> dict[str, str]:
    """The link's new parameters after a control change or a click on the breakdown chart."""
    kept = ("jaar", "categorie", RELEASE_PARAMETER)  # a pinned view stays on its release
    query = {key: value for key, value in current.items() if key in kept}
    query.update(
        {key: str(value) for key, value in controls_state.items() if value not in (None, "")}
    )
    point = (click or {}).get("points", [{}])[0] if click else {}
    if triggered == breakdown_id and point.get("x") is not None:
        query["jaar"] = str(int(point["x"]))
        if point.get("customdata"):
            query["categorie"] = str(point["customdata"][0])
    if triggered == map_id and point.get("location"):
        query["gemeente"] = str(point["location"])  # a click on the map chooses a municipality
        query.pop("van", None), query.pop("tot", None)
    return query


def _search_after(
    values: dict[str, Any],
    click: dict | None,
    map_click: dict | None,
    current: dict[str, str],
    defaults: dict[str, str],
    ids: dict[str, str],
) -> Any:
    """The link after a control change or a click: the rules between controls, then the link."""
    if ctx.triggered_id == ids["selectie"] and values["selectie"]:
        values["vergelijking"] = "selectie"  # ticking a municipality: compare with my selection
    if values["vergelijking"] != "selectie":
        values["selectie"] = []
    if values["van"] and values["tot"]:
        values["van"], values["tot"] = sorted([values["van"], values["tot"]], key=int)
    controls_state = {c.name: c.in_link(values[c.name]) for c in CONTROLS}
    if values["gemeente"] != current.get("gemeente", defaults.get("gemeente")):
        controls_state.update(van="", tot="")  # another municipality may cover other years
    on_map = ctx.triggered_id == ids["kaart"]
    query = next_query(
        current,
        controls_state,
        map_click if on_map else click,
        ctx.triggered_id,
        ids["breakdown"],
        ids["kaart"],
    )
    search = build_search(query, defaults)
    return no_update if search == build_search(current, defaults) else search


def register(spec: IndicatorPage) -> None:
    """The page's one callback: every control (and a bar click) rewrites the link. The page's
    registry entry learns its question and that its title names a place (link previews)."""
    ids = component_ids(spec.page)
    for entry in dash.page_registry.values():
        if entry.get("path") == f"/{spec.page}":
            entry.update(description=spec.question, names_a_place=True)

    @callback(
        Output(ids["url"], "search"),
        *(Input(ids[control.name], "value") for control in CONTROLS),
        Input(ids["breakdown"], "clickData"),
        Input(ids["kaart"], "clickData"),
        State(ids["state"], "data"),
        prevent_initial_call=True,
    )
    def write_link(*inputs: Any) -> Any:
        values = dict(zip((control.name for control in CONTROLS), inputs, strict=False))
        click, map_click, stored = inputs[len(CONTROLS) :]
        current, defaults = (stored or {}).get("query", {}), (stored or {}).get("defaults", {})
        return _search_after(values, click, map_click, current, defaults, ids)

    write_link.__name__ = f"{spec.page}_write_link"
