"""Pieces of the case pages: cards, the factor matrix, panels and the source citation."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard.case_view import (
    ACTOR_TYPE_LABELS,
    FACTOR_THEME_LABELS,
    LADDER_LABELS,
    PHASE_LABELS,
    ROLE_LABELS,
    THEME_LABELS,
)
from dashboard.labels import format_number


def period_text(row: pd.Series | dict) -> str:
    """'2011–2014' or 'sinds 2018'."""
    end = row.get("period_end_year")
    if end is None or pd.isna(end):
        return f"sinds {int(row['period_start_year'])}"
    return f"{int(row['period_start_year'])}–{int(end)}"


def case_card(row: pd.Series) -> dbc.Col:
    """One case on the collection page."""
    place = row["municipality_label"] + (
        f", {row['neighbourhood']}" if pd.notna(row["neighbourhood"]) else ""
    )
    return dbc.Col(
        html.Article(
            dbc.Card(
                dbc.CardBody(
                    [
                        html.H2(
                            dcc.Link(row["case_name"], href=f"/casussen/{row['case_id']}"),
                            className="h6",
                        ),
                        html.P(
                            f"{place} · {row['province_name']} · {period_text(row)} · "
                            f"fase: {PHASE_LABELS[row['phase']]}",
                            className="small text-body-secondary mb-1",
                        ),
                        html.P(row["summary"], className="small mb-2"),
                        html.P(
                            [
                                html.Span("Thema's: ", className="fw-semibold"),
                                ", ".join(THEME_LABELS[t] for t in row["themes"]),
                            ],
                            className="small mb-1",
                        ),
                        html.P(
                            [
                                html.Span("Rol overheid: ", className="fw-semibold"),
                                ", ".join(LADDER_LABELS[s] for s in row["ladder_steps"]),
                            ],
                            className="small mb-0",
                        ),
                    ]
                ),
                className="h-100",
            ),
            className="h-100 sk-case-card",
            **{"aria-label": row["case_name"]},
        ),
        md=6,
        xl=4,
        className="mb-3",
    )


def _matrix_cell(rows: pd.DataFrame) -> html.Td:
    promoting = int(rows.loc[rows["kind"] == "bevorderend", "factors"].sum())
    hindering = int(rows.loc[rows["kind"] == "belemmerend", "factors"].sum())
    parts = []
    if promoting:
        parts.append(
            html.Span(
                f"+{promoting}",
                className="sk-factor-plus",
                title=f"{promoting} bevorderende factor(en)",
            )
        )
    if hindering:
        parts.append(
            html.Span(
                f"−{hindering}",
                className="sk-factor-minus ms-1",
                title=f"{hindering} belemmerende factor(en)",
            )
        )
    descriptions = "; ".join(d for ds in rows["descriptions"] for d in ds)
    return html.Td(parts, title=descriptions)


def factor_matrix(matrix: pd.DataFrame, case_names: list[str]) -> html.Div:
    """Key-factor themes × cases; '+n' promoting and '−n' hindering, in text as well as colour."""
    header = html.Thead(
        html.Tr(
            [html.Th("Sleutelfactor", scope="col")]
            + [html.Th(name, scope="col", className="sk-matrix-case") for name in case_names]
        )
    )
    body = []
    for theme, label in FACTOR_THEME_LABELS.items():
        cells = [
            _matrix_cell(matrix[(matrix["theme"] == theme) & (matrix["case_name"] == name)])
            for name in case_names
        ]
        body.append(html.Tr([html.Th(label, scope="row"), *cells]))
    return html.Div(
        [
            html.Table(
                [
                    html.Caption(
                        "Legenda: +n = aantal bevorderende factoren, −n = aantal "
                        "belemmerende factoren in deze casus; beweeg over een cel "
                        "voor de factoren."
                    ),
                    header,
                    html.Tbody(body),
                ],
                className="table table-sm table-bordered small sk-matrix",
            ),
        ],
        className="table-responsive",
    )


def panel(title: str, children: list, *, panel_id: str) -> html.Section:
    """One of the six panels of a case dashboard."""
    return html.Section(
        [html.H2(title, className="h5"), *children],
        id=panel_id,
        className="sk-case-panel border rounded p-3 mb-3",
        **{"aria-label": title},
    )


def bullet_list(items: list[str]) -> html.Ul:
    """A plain list of sentences."""
    return html.Ul([html.Li(item) for item in items])


def actors_by_type(actors: pd.DataFrame) -> list:
    """Actors grouped under their type, each with role and what they did."""
    groups = []
    for kind, rows in actors.groupby("category", sort=True):
        items = [
            html.Li(
                [
                    html.Strong(row.title),
                    f" ({ROLE_LABELS.get(row.role, row.role)})",
                    f": {row.detail}" if row.detail else "",
                ]
            )
            for row in rows.itertuples(index=False)
        ]
        groups += [html.H3(ACTOR_TYPE_LABELS.get(kind, kind), className="h6 mt-2"), html.Ul(items)]
    return groups


def key_figures_table(figures: pd.DataFrame) -> html.Table | html.P:
    """Numbers the document states, with unit and year."""
    if figures.empty:
        return html.P("Het document noemt geen kerncijfers voor deze casus.")
    rows = [
        html.Tr(
            [
                html.Td(row.title),
                html.Td(format_number(row.value, 2 if row.value % 1 else 0)),
                html.Td(row.unit),
                html.Td("" if pd.isna(row.year) else str(int(row.year))),
                html.Td(row.detail or ""),
            ]
        )
        for row in figures.itertuples(index=False)
    ]
    header = html.Thead(
        html.Tr(
            [
                html.Th(c, scope="col")
                for c in ("Cijfer", "Waarde", "Eenheid", "Jaar", "Toelichting")
            ]
        )
    )
    return html.Table([header, html.Tbody(rows)], className="table table-sm small")
