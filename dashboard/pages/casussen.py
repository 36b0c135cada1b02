"""Casussen (/casussen): what did other places try, and what helped or got in the way?

For directors and council members learning from practice: cards with filters and search, the
key-factor matrix, the participation ladder and one shared timeline, all from the store and
all reproducible from the link (?thema=jeugd&trede=faciliteren&provincie=Utrecht&zoek=...).
"""

from __future__ import annotations

from collections.abc import Callable

import dash
import dash_bootstrap_components as dbc
import pandas as pd
import plotly.graph_objects as go
from dash import Input, Output, callback, dcc, html

from dashboard.cases.components import (
    case_card,
    documents_note,
    factor_matrix,
    filter_controls,
    overview_section,
)
from dashboard.cases.figures import ladder_figure, timeline_figure
from dashboard.cases.phone_figures import narrow_ladder, narrow_timeline
from dashboard.cases.view import (
    LADDER_NOTE,
    CaseFilters,
    filter_cases,
    home_cases_first,
    parse_filters,
)
from dashboard.components.chart_panel import GRAPH_CONFIG
from dashboard.components.page_frame import url_problem_alert
from dashboard.serving.url_state import build_search, single_values
from dashboard.store import queries
from dashboard.store.db import Release
from dashboard.store.page_context import RELEASE_PARAMETER, open_page

dash.register_page(
    __name__,
    path="/casussen",
    name="Casussen",
    title="Casussen · Sociaal Kompas",
    order=5,
    warm_up=True,
)

PAGE = "casussen"
CONTROL_IDS = {
    name: f"{PAGE}-{name}" for name in ("thema", "trede", "provincie", "van", "tot", "zoek")
}
URL = f"{PAGE}-url"


def layout(**raw_query: object) -> html.Div:
    """Build the collection from the link, so a filtered URL reopens in the same state."""
    query, problems = single_values(raw_query, (*CONTROL_IDS, RELEASE_PARAMETER))
    page = open_page(query.pop(RELEASE_PARAMETER, None))
    release, labels = page.release, queries.vocabulary(page.release)
    overview = queries.case_overview(release, None)
    if overview.empty:
        return html.Div([html.H1("Casussen", className="h3"), html.P("Er zijn nog geen casussen.")])
    filters = parse_filters(query, overview, labels)
    shown = home_cases_first(filter_cases(overview, filters), page.settings.default_municipality)
    sources = queries.sources_by_id(release, overview["source_id"].tolist())
    publishers = dict(zip(sources["source_id"], sources["publisher"], strict=True))
    return html.Div(
        [
            dcc.Location(id=URL, refresh="callback-nav"),
            html.H1("Casussen: leren van de praktijk", className="h3"),
            html.P(
                f"{len(overview)} praktijkvoorbeelden uit de brondocumenten, elk met basisidee, "
                "mijlpalen, betrokkenen, rol van de overheid en wat hielp of tegenwerkte.",
                className="lead",
            ),
            url_problem_alert(problems + page.problems + filters.problems),
            filter_controls(overview, filters, CONTROL_IDS, labels),
            html.P(f"{len(shown)} van {len(overview)} casussen", className="fw-semibold"),
            dbc.Row(
                [
                    case_card(row, publishers[row["source_id"]], labels)
                    for _, row in shown.iterrows()
                ]
            )
            if len(shown)
            else html.P("Geen casussen voor deze combinatie van filters."),
            *(
                _panels(
                    release, shown, sources[sources["source_id"].isin(shown["source_id"])], labels
                )
            ),
        ]
    )


def _panels(
    release: Release, shown: pd.DataFrame, sources: pd.DataFrame, labels: dict[str, dict[str, str]]
) -> list:
    if shown.empty:
        return []
    ids = shown["case_id"].tolist()
    ladder, timeline = queries.case_ladder(release, None), queries.case_timeline(release, None)
    matrix = queries.case_factor_matrix(release)
    step_labels = list(labels["ladder_step"].values())
    return [
        overview_section(
            "Sleutelfactoren per casus",
            [factor_matrix(matrix[matrix["case_id"].isin(ids)], shown, labels)],
            sources,
        ),
        overview_section(
            "Rol van de overheid op de participatietrap",
            [
                html.P(LADDER_NOTE, className="small"),
                *_wide_and_narrow(
                    ladder_figure(ladder[ladder["case_id"].isin(ids)], step_labels=step_labels),
                    narrow_ladder,
                ),
            ],
            sources,
        ),
        overview_section(
            "Tijdlijn van alle mijlpalen",
            _wide_and_narrow(
                timeline_figure(timeline[timeline["case_id"].isin(ids)]), narrow_timeline
            ),
            sources,
        ),
        html.Details(
            [html.Summary("Alle bronverwijzingen per casus"), documents_note(sources)],
            className="sk-about small mb-3",
        ),
    ]


def _wide_and_narrow(figure: go.Figure, narrow: Callable[[go.Figure], go.Figure]) -> list:
    """The chart twice: as drawn for a screen and paper, and re-laid for a phone (CSS picks)."""
    return [
        dcc.Graph(figure=figure, config=GRAPH_CONFIG, className="d-none d-md-block d-print-block"),
        dcc.Graph(
            figure=narrow(figure),
            config=GRAPH_CONFIG,
            className="sk-phone-only d-md-none d-print-none",
        ),
    ]


@callback(
    Output(URL, "search"),
    *(Input(control_id, "value") for control_id in CONTROL_IDS.values()),
    prevent_initial_call=True,
)
def write_link(
    theme: str | None,
    step: str | None,
    province: str | None,
    first: str | None,
    last: str | None,
    search: str | None,
) -> str:
    """Put the filters in the link (empty ones left out)."""
    search = (search or "").strip()
    years = (int(first) if first else None, int(last) if last else None)
    filters = CaseFilters(theme or "", step or "", province or "", *years, search)
    return build_search(filters.query(), {})
