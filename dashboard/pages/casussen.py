"""Casussen (/casussen): what did other places try, and what helped or got in the way?

For directors and council members learning from practice: cards with filters and search, the
key-factor matrix, the participation ladder and one shared timeline, all from the store and
all reproducible from the link (?thema=jeugd&trede=faciliteren&provincie=...&zoek=...).
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html

from dashboard import queries
from dashboard.case_view import LADDER_LABELS, THEME_LABELS, filter_cases, parse_filters
from dashboard.components.cases import case_card, factor_matrix
from dashboard.components.controls import labelled_control
from dashboard.components.feedback import url_problem_alert
from dashboard.components.provenance import source_note
from dashboard.figures.cases import ladder_figure, timeline_figure
from dashboard.url_state import build_search

dash.register_page(
    __name__, path="/casussen", name="Casussen", title="Casussen · Sociaal Kompas", order=5
)

PAGE = "casussen"
URL, THEME, STEP, PROVINCE, FIRST, LAST, SEARCH = (
    f"{PAGE}-{name}" for name in ("url", "thema", "trede", "provincie", "van", "tot", "zoek")
)


def _options(labels: dict[str, str]) -> list[dict[str, str]]:
    return [{"label": label, "value": key} for key, label in labels.items()]


def _controls(overview, filters) -> dbc.Row:  # noqa: ANN001 - DataFrame, CaseFilters
    years = sorted(
        set(overview["start_year"].astype(int))
        | set(overview["period_end_year"].dropna().astype(int))
    )
    year_options = [{"label": str(y), "value": y} for y in range(years[0], years[-1] + 1)]
    provinces = sorted(overview["province_name"].unique())
    dropdown = {"clearable": True, "searchable": False, "placeholder": "Alle"}
    return dbc.Row(
        [
            dbc.Col(
                labelled_control(
                    "Thema",
                    dcc.Dropdown(
                        id=THEME,
                        options=_options(THEME_LABELS),
                        value=filters.theme or None,
                        **dropdown,
                    ),
                ),
                md=3,
            ),
            dbc.Col(
                labelled_control(
                    "Rol overheid",
                    dcc.Dropdown(
                        id=STEP,
                        options=_options(LADDER_LABELS),
                        value=filters.step or None,
                        **dropdown,
                    ),
                ),
                md=3,
            ),
            dbc.Col(
                labelled_control(
                    "Provincie",
                    dcc.Dropdown(
                        id=PROVINCE,
                        options=[{"label": p, "value": p} for p in provinces],
                        value=filters.province or None,
                        **dropdown,
                    ),
                ),
                md=2,
            ),
            dbc.Col(
                labelled_control(
                    "Actief vanaf",
                    dcc.Dropdown(
                        id=FIRST, options=year_options, value=filters.first_year, **dropdown
                    ),
                ),
                md=2,
            ),
            dbc.Col(
                labelled_control(
                    "Actief tot",
                    dcc.Dropdown(
                        id=LAST, options=year_options, value=filters.last_year, **dropdown
                    ),
                ),
                md=2,
            ),
            dbc.Col(
                [
                    dbc.Label("Zoeken", html_for=SEARCH),
                    dbc.Input(
                        id=SEARCH,
                        value=filters.search,
                        type="search",
                        debounce=True,
                        placeholder="Naam, plaats of trefwoord",
                    ),
                ],
                md=12,
            ),
        ],
        className="sk-controls g-2 mb-3",
    )


def layout(**query: str) -> html.Div:
    """Build the collection from the link, so a filtered URL reopens in the same state."""
    overview = queries.case_overview(None)
    filters = parse_filters(query, overview)
    shown = filter_cases(overview, filters)
    ids = shown["case_id"].tolist()
    timeline = queries.case_timeline(None)
    ladder = queries.case_ladder(None)
    matrix = queries.case_factor_matrix()
    sources = queries.sources_by_id(shown["source_id"].tolist())
    return html.Div(
        [
            dcc.Location(id=URL, refresh="callback-nav"),
            html.H1("Casussen: leren van de praktijk", className="h3"),
            html.P(
                "Twaalf praktijkvoorbeelden uit de brondocumenten, elk met basisidee, mijlpalen, "
                "betrokkenen, rol van de overheid en wat hielp of tegenwerkte.",
                className="lead",
            ),
            url_problem_alert(filters.problems),
            _controls(overview, filters),
            html.P(
                f"{len(shown)} van {len(overview)} casussen",
                className="fw-semibold",
                id=f"{PAGE}-count",
            ),
            dbc.Row([case_card(row) for _, row in shown.iterrows()])
            if len(shown)
            else html.P("Geen casussen voor deze combinatie van filters."),
            *_overviews(
                shown,
                timeline[timeline["case_id"].isin(ids)],
                ladder[ladder["case_id"].isin(ids)],
                matrix[matrix["case_id"].isin(ids)],
            ),
            source_note(sources, is_demo=False),
        ]
    )


def _overviews(shown, timeline, ladder, matrix) -> list:  # noqa: ANN001 - DataFrames
    if shown.empty:
        return []
    return [
        html.Section(
            [
                html.H2("Sleutelfactoren per casus", className="h5"),
                factor_matrix(matrix, shown.sort_values("case_name")["case_name"].tolist()),
            ],
            className="sk-panel border rounded p-3 mb-4",
            **{"aria-label": "Sleutelfactoren per casus"},
        ),
        html.Section(
            [
                html.H2("Rol van de overheid op de participatietrap", className="h5"),
                html.P(
                    "Vierkant: de positie over de hele periode; open rondjes met jaartallen: "
                    "waar de rol in de loop van de tijd lag.",
                    className="small",
                ),
                dcc.Graph(figure=ladder_figure(ladder), config={"displaylogo": False}),
            ],
            className="sk-panel border rounded p-3 mb-4",
            **{"aria-label": "Participatietrap"},
        ),
        html.Section(
            [
                html.H2("Tijdlijn van alle mijlpalen", className="h5"),
                dcc.Graph(figure=timeline_figure(timeline), config={"displaylogo": False}),
            ],
            className="sk-panel border rounded p-3 mb-4",
            **{"aria-label": "Tijdlijn"},
        ),
    ]


@callback(
    Output(URL, "search"),
    Input(THEME, "value"),
    Input(STEP, "value"),
    Input(PROVINCE, "value"),
    Input(FIRST, "value"),
    Input(LAST, "value"),
    Input(SEARCH, "value"),
    prevent_initial_call=True,
)
def write_link(theme, step, province, first, last, search) -> str:  # noqa: ANN001
    """Put the filters in the link (empty ones left out)."""
    values = {
        "thema": theme,
        "trede": step,
        "provincie": province,
        "van": first,
        "tot": last,
        "zoek": (search or "").strip(),
    }
    return build_search(values, {})
