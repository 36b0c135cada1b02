"""Casus (/casussen/<case-id>): one practice case on one page, printable on A4.

For a director or council member who wants the whole story of one example: the six panels
(basic idea, milestones, actors, government role, promoting and hindering factors), a milestone
timeline, the ladder position(s), key figures and the source citation. Wiring only.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import queries
from dashboard.components.cases import (
    actors_by_type,
    bullet_list,
    citation,
    factor_list,
    indicator_links,
    key_figures_table,
    milestone_list,
    panel,
    period_text,
    place_text,
    role_shifts,
    steps_text,
)
from dashboard.components.page_frame import url_problem_alert
from dashboard.components.provenance import source_line
from dashboard.db import Release
from dashboard.figures.cases import ladder_figure, timeline_figure
from dashboard.page_context import RELEASE_PARAMETER, open_page
from dashboard.url_state import single_values

PREFIX = "/casussen/"


def page_title(case_id: str | None = None, **_path: str) -> str:
    """The browser tab: '<case name> · Sociaal Kompas', or that the case was not found."""
    release = open_page(None).release
    case = queries.case_overview(release, case_id or "")
    return f"{case['case_name'].iloc[0] if len(case) else 'Casus niet gevonden'} · Sociaal Kompas"


def _path_case_id() -> str | None:
    """The case id from the path itself: a query parameter of the same name cannot override it."""
    try:
        pathname = dash.callback_context.inputs.get("_pages_location.pathname") or ""
    except dash.exceptions.MissingCallbackContextException:
        return None  # called directly (tests): only the path variable is given
    return pathname[len(PREFIX) :].strip("/") if str(pathname).startswith(PREFIX) else None


dash.register_page(
    __name__,
    path_template="/casussen/<case_id>",
    name="Casus",
    title=page_title,
    order=99,
)

PAGE = "casus"
STATIC_GRAPH: dcc.Graph.Config = {"displaylogo": False, "staticPlot": True, "responsive": False}
PANEL_WIDTH = 330  # px: half an A4 page, so the charts print without being cut off


def layout(case_id: str | None = None, **raw_query: object) -> html.Div:
    """The case dashboard, or a Dutch message with a way back for an unknown case id."""
    case_id = _path_case_id() or (case_id if isinstance(case_id, str) else None)
    query, problems = single_values(raw_query, (RELEASE_PARAMETER,))
    page = open_page(query.get(RELEASE_PARAMETER))
    release, labels = page.release, queries.vocabulary(page.release)
    case = queries.case_overview(release, case_id or "")
    if case.empty:
        return html.Div(
            [
                html.H1("Casus niet gevonden", className="h3"),
                dbc.Alert(
                    ["Er is geen casus met de naam '", html.Code(str(case_id)[:60]), "'."],
                    color="warning",
                ),
                dcc.Link("Naar alle casussen", href="/casussen"),
            ]
        )
    row = case.iloc[0]
    items = queries.case_panels(release, row["case_id"])
    sources = queries.sources_by_id(release, [row["source_id"]])
    return html.Div(
        [
            html.Nav(dcc.Link("← Alle casussen", href="/casussen"), className="mb-2 sk-controls"),
            url_problem_alert(problems + page.problems),
            html.H1(row["case_name"], className="h3"),
            html.P(
                f"{place_text(row)} ({row['municipality_code']}) · {row['province_name']} · "
                f"{period_text(row)} · fase: {labels['case_phase'].get(row['phase'], '')}",
                className="lead mb-1",
            ),
            html.P(row["summary"], className="mb-1"),
            html.P(
                [source_line(s) for _, s in sources.iterrows()],
                className="small text-body-secondary",
            ),
            indicator_links(row, queries.regions_with_data(release)["municipality_code"]),
            dbc.Row(
                [dbc.Col(p, lg=6) for p in _panels(release, row, items, labels)],
                className="sk-case-panels",
            ),
            panel(
                "Kerncijfers uit het document",
                [key_figures_table(items[items["panel"] == "kerncijfers"])],
                panel_id=f"{PAGE}-kerncijfers",
            ),
            panel("Bron", citation(row, sources), panel_id=f"{PAGE}-bron"),
        ],
        className="sk-case-page",
    )


def _panels(
    release: Release, row: pd.Series, items: pd.DataFrame, labels: dict[str, dict[str, str]]
) -> list[html.Section]:
    timeline = queries.case_timeline(release, row["case_id"])
    ladder = queries.case_ladder(release, row["case_id"])
    step_labels = list(labels["ladder_step"].values())
    contents: dict[str, list] = {
        "Basisidee": [bullet_list(_items(items, "basisidee")["title"].tolist())],
        "Mijlpalen": [
            milestone_list(timeline),
            dcc.Graph(
                figure=timeline_figure(timeline, height=250, width=PANEL_WIDTH), config=STATIC_GRAPH
            ),
        ],
        "Actoren": actors_by_type(_items(items, "actoren"), labels),
        "Rol van de overheid": [
            html.P(row["government_description"]),
            html.P(
                [
                    html.Strong("Treden over de hele periode: "),
                    steps_text(row["overall_steps"], labels),
                ]
            ),
            role_shifts(ladder, labels),
            dcc.Graph(
                figure=ladder_figure(
                    ladder, step_labels=step_labels, height=340, width=PANEL_WIDTH
                ),
                config=STATIC_GRAPH,
            ),
        ],
        "Bevorderende factoren": [factor_list(_items(items, "bevorderend"), labels)],
        "Belemmerende factoren": [factor_list(_items(items, "belemmerend"), labels)],
    }
    return [
        panel(title, children, panel_id=f"{PAGE}-{title.split()[0].lower()}")
        for title, children in contents.items()
    ]


def _items(items: pd.DataFrame, panel_name: str) -> pd.DataFrame:
    return items[items["panel"] == panel_name]
