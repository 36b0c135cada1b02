"""The shared skeleton of the four indicator pages: controls, layout and the link callback.

A page module declares an `IndicatorPage` and calls `page_layout` and `register_callbacks`. The
view is rebuilt from the link on every change, so a shared URL always shows the sender's view.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, callback, ctx, dcc, html, no_update

from dashboard import queries
from dashboard.components.controls import labelled_control, municipality_options
from dashboard.components.feedback import url_problem_alert
from dashboard.indicator_panels import breakdown_panel, detail_panel, trend_panel
from dashboard.indicator_state import (
    COMPARISONS,
    IndicatorPage,
    Measure,
    ViewState,
    component_ids,
    parse_view,
)
from dashboard.url_state import build_search

__all__ = [
    "IndicatorPage",
    "Measure",
    "ViewState",
    "page_layout",
    "register_callbacks",
    "trend_panel",
]


def controls(config: IndicatorPage, state: ViewState, regions: pd.DataFrame) -> dbc.Row:
    """Municipality, comparison group, period and measure; their state lives in the link."""
    ids = component_ids(config.page)
    years = queries.available_years(state.code)
    municipalities = regions[regions["region_kind"] == "municipality"]
    return dbc.Row(
        [
            dbc.Col(
                labelled_control(
                    "Gemeente",
                    dcc.Dropdown(
                        id=ids["gemeente"],
                        options=municipality_options(regions),
                        value=state.code,
                        clearable=False,
                    ),
                ),
                md=4,
            ),
            dbc.Col(
                labelled_control(
                    "Vergelijken met",
                    dcc.Dropdown(
                        id=ids["vergelijking"],
                        options=[{"label": v, "value": k} for k, v in COMPARISONS.items()],
                        value=state.comparison,
                        clearable=False,
                        searchable=False,
                    ),
                ),
                md=4,
            ),
            dbc.Col(
                labelled_control(
                    "Eigen selectie",
                    dcc.Dropdown(
                        id=ids["selectie"],
                        options=municipality_options(municipalities),
                        value=state.selection,
                        multi=True,
                        disabled=state.comparison != "selectie",
                        placeholder="Kies gemeenten",
                    ),
                ),
                md=4,
            ),
            dbc.Col(
                labelled_control(
                    "Periode",
                    dcc.RangeSlider(
                        id=ids["periode"],
                        min=years[0],
                        max=years[-1],
                        step=1,
                        value=list(state.period),
                        marks={year: str(year) for year in years},
                        allowCross=False,
                    ),
                ),
                md=8,
            ),
            dbc.Col(
                labelled_control(
                    "Weergave",
                    dcc.Dropdown(
                        id=ids["maat"],
                        options=[{"label": m.label, "value": m.key} for m in config.measures],
                        value=state.measure.key,
                        clearable=False,
                        searchable=False,
                    ),
                ),
                md=4,
            ),
        ],
        className="sk-controls g-2 mb-3",
    )


def page_layout(config: IndicatorPage, query: dict[str, str]) -> html.Div:
    """Build the whole page from the link."""
    regions = queries.regions_with_data()
    state = parse_view(config, query, regions)
    view_url = f"/{config.page}{state.search()}"
    ids = component_ids(config.page)
    return html.Div(
        [
            dcc.Location(id=ids["url"], refresh="callback-nav"),
            dcc.Store(id=ids["state"], data={"query": state.query, "defaults": state.defaults}),
            html.H1(f"{config.title} {state.name}", className="h3"),
            html.P(config.question, className="lead"),
            url_problem_alert(state.problems),
            controls(config, state, regions),
            trend_panel(config, state, view_url),
            breakdown_panel(config, state, view_url),
            detail_panel(config, state, view_url),
            *[panel(state, view_url) for panel in config.extra_panels],
        ]
    )


def next_query(
    current: dict[str, str],
    controls_state: dict[str, object],
    click: dict | None,
    triggered: str | None,
    breakdown_id: str,
) -> dict[str, str]:
    """The link's new parameters after a control change or a click on the breakdown chart."""
    query = {key: value for key, value in current.items() if key in ("jaar", "categorie")}
    query.update(
        {key: str(value) for key, value in controls_state.items() if value not in (None, "")}
    )
    if triggered == breakdown_id and click and click.get("points"):
        point = click["points"][0]
        query["jaar"] = str(int(point["x"]))
        if point.get("customdata"):
            query["categorie"] = str(point["customdata"][0])
    return query


def register_callbacks(config: IndicatorPage) -> None:
    """The page's one callback: every control (and a bar click) rewrites the link."""
    ids = component_ids(config.page)

    @callback(
        Output(ids["url"], "search"),
        Input(ids["gemeente"], "value"),
        Input(ids["vergelijking"], "value"),
        Input(ids["selectie"], "value"),
        Input(ids["periode"], "value"),
        Input(ids["maat"], "value"),
        Input(ids["breakdown"], "clickData"),
        State(ids["state"], "data"),
        prevent_initial_call=True,
    )
    def write_link(code, comparison, selection, period, measure, click, stored):  # noqa: ANN001
        current, defaults = (stored or {}).get("query", {}), (stored or {}).get("defaults", {})
        controls_state = {
            "gemeente": code,
            "vergelijking": comparison,
            "selectie": ",".join(selection or []) if comparison == "selectie" else "",
            "van": period[0] if period else "",
            "tot": period[1] if period else "",
            "maat": measure,
        }
        if code != current.get("gemeente", defaults.get("gemeente")):
            controls_state.update(van="", tot="")  # another municipality may cover other years
        query = next_query(current, controls_state, click, ctx.triggered_id, ids["breakdown"])
        search = build_search(query, defaults)
        return no_update if search == build_search(current, defaults) else search

    write_link.__name__ = f"{config.page}_write_link"
