"""Casus (/casussen/<case-id>): one practice case on one page, printable on A4.

The six panels (basic idea, milestones, actors, government role, promoting and hindering
factors), a milestone timeline, key figures and the source citation. Wiring only.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import queries
from dashboard.case_view import FACTOR_THEME_LABELS, LADDER_LABELS, PHASE_LABELS
from dashboard.components.cases import (
    actors_by_type,
    bullet_list,
    key_figures_table,
    panel,
    period_text,
)
from dashboard.components.provenance import source_line
from dashboard.figures.cases import ladder_figure, timeline_figure

dash.register_page(
    __name__,
    path_template="/casussen/<case_id>",
    name="Casus",
    title="Casus · Sociaal Kompas",
    order=99,
)

INDICATOR_PAGES = (
    ("/", "Kerncijfers"),
    ("/jeugdhulp", "Jeugdhulp"),
    ("/verwijzingen", "Verwijzingen"),
    ("/uitgaven", "Uitgaven"),
    ("/vrijwilligers", "Vrijwilligers"),
)


def layout(case_id: str | None = None, **_query: str) -> html.Div:
    """The case dashboard, or a Dutch message with a way back for an unknown case id."""
    case = queries.case_overview(case_id or "")
    if case.empty:
        return html.Div(
            [
                html.H1("Casus niet gevonden", className="h3"),
                dbc.Alert(f"Er is geen casus met de naam '{case_id}'.", color="warning"),
                dcc.Link("Naar alle casussen", href="/casussen"),
            ]
        )
    row = case.iloc[0]
    items = queries.case_panels(row["case_id"])
    source = queries.sources_by_id([row["source_id"]])
    return html.Div(
        [
            html.Nav(dcc.Link("← Alle casussen", href="/casussen"), className="mb-2 sk-controls"),
            html.H1(row["case_name"], className="h3"),
            html.P(
                f"{row['municipality_label']} ({row['municipality_code']})"
                + (f", {row['neighbourhood']}" if isinstance(row["neighbourhood"], str) else "")
                + f" · {row['province_name']} · {period_text(row)} · fase: "
                f"{PHASE_LABELS[row['phase']]}",
                className="lead",
            ),
            _indicator_links(row),
            dbc.Row([dbc.Col(p, lg=6) for p in _panels(row, items)]),
            panel(
                "Kerncijfers uit het document",
                [key_figures_table(items[items["panel"] == "kerncijfers"])],
                panel_id="kerncijfers",
            ),
            panel("Bron", _citation(row, source), panel_id="bron"),
        ],
        className="sk-case-page",
    )


def _indicator_links(row) -> html.P | None:  # noqa: ANN001 - Series
    codes = set(queries.regions_with_data()["municipality_code"])
    if row["municipality_code"] not in codes:
        return None
    links = [
        dcc.Link(label, href=f"{path}?gemeente={row['municipality_code']}", className="me-3")
        for path, label in INDICATOR_PAGES
    ]
    return html.P(
        [html.Span(f"Cijfers voor {row['municipality_label']}: ", className="fw-semibold"), *links],
        className="sk-controls",
    )


def _panels(row, items) -> list:  # noqa: ANN001 - Series, DataFrame
    timeline = queries.case_timeline(row["case_id"])
    ladder = queries.case_ladder(row["case_id"])

    def factors(kind: str) -> list:
        rows = items[items["panel"] == kind]
        return [
            html.Ul(
                [
                    html.Li(
                        [
                            r.title,
                            html.Br(),
                            html.Small(
                                "Sleutelfactor: "
                                + ", ".join(
                                    FACTOR_THEME_LABELS.get(t, t)
                                    for t in (r.detail or "").split(", ")
                                    if t
                                ),
                                className="text-body-secondary",
                            ),
                        ]
                    )
                    for r in rows.itertuples(index=False)
                ]
            )
        ]

    return [
        panel(
            "Basisidee",
            [bullet_list(items[items["panel"] == "basisidee"]["title"].tolist())],
            panel_id="basisidee",
        ),
        panel(
            "Mijlpalen",
            [
                html.Ul(
                    [
                        html.Li([html.Strong(r.date_text), f": {r.description}"])
                        for r in timeline.itertuples(index=False)
                    ]
                ),
                dcc.Graph(
                    figure=timeline_figure(timeline, height=220),
                    config={"displaylogo": False, "staticPlot": True},
                ),
            ],
            panel_id="mijlpalen",
        ),
        panel("Actoren", actors_by_type(items[items["panel"] == "actoren"]), panel_id="actoren"),
        panel(
            "Rol van de overheid",
            [
                html.P(row["government_description"]),
                html.P(
                    [
                        html.Strong("Trede(n): "),
                        ", ".join(LADDER_LABELS[s] for s in row["ladder_steps"]),
                    ]
                ),
                dcc.Graph(
                    figure=ladder_figure(ladder), config={"displaylogo": False, "staticPlot": True}
                ),
            ],
            panel_id="rol-overheid",
        ),
        panel("Bevorderende factoren", factors("bevorderend"), panel_id="bevorderend"),
        panel("Belemmerende factoren", factors("belemmerend"), panel_id="belemmerend"),
    ]


def _citation(row, source) -> list:  # noqa: ANN001 - Series, DataFrame
    lines = [html.P(source_line(s)) for _, s in source.iterrows()]
    lines.append(
        html.P(
            f"Document {row['document']}, {row['section']}, regels "
            f"{int(row['line_first'])}–{int(row['line_last'])}."
        )
    )
    if isinstance(row["reading_notes"], str):
        lines.append(
            html.P([html.Strong("Gekozen lezing: "), row["reading_notes"]], className="small")
        )
    lines.append(
        html.P(
            "De inhoud is in eigen woorden samengevat; het zijn geen citaten.",
            className="small text-body-secondary",
        )
    )
    return lines
