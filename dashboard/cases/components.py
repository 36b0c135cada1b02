"""Pieces of the case pages: cards, the factor matrix, panels, role shifts and citations."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard.cases.view import CaseFilters, Labels, case_years
from dashboard.components.aria import aria
from dashboard.components.controls import labelled_control, select
from dashboard.components.provenance import source_line


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def period_text(row: pd.Series | dict) -> str:
    """'2011–2014' or 'sinds 2018'."""
    end = row.get("period_end_year")
    if end is None or pd.isna(end):
        return f"sinds {int(row['period_start_year'])}"
    return f"{int(row['period_start_year'])}–{int(end)}"


def place_text(row: pd.Series | dict) -> str:
    """'Amsterdam, Zuidoost' or just the municipality."""
    neighbourhood = _text(row.get("neighbourhood"))
    return row["municipality_name"] + (f", {neighbourhood}" if neighbourhood else "")


def steps_text(steps: object, labels: Labels) -> str:
    """Ladder steps as Dutch words, bottom to top."""
    names = labels.get("ladder_step", {})
    return ", ".join(names.get(step, step) for step in list(steps))  # type: ignore[call-overload]


def _labelled(label: str, text: str, class_name: str = "small mb-1") -> html.P:
    return html.P([html.Span(f"{label}: ", className="fw-semibold"), text], className=class_name)


def case_card(row: pd.Series, publisher: str, labels: Labels) -> dbc.Col:
    """One case on the collection page: what, where, when, themes, role and source."""
    role = steps_text(row["ladder_steps"], labels) + (
        " (rol verschoof)" if row["has_role_shift"] else ""
    )
    body = [
        html.H2(dcc.Link(row["case_name"], href=f"/casussen/{row['case_id']}"), className="h6"),
        html.P(
            f"{place_text(row)} · {row['province_name']} · {period_text(row)} · "
            f"fase: {labels['case_phase'].get(row['phase'], row['phase'])}",
            className="small text-body-secondary mb-1",
        ),
        html.P(row["summary"], className="small mb-2"),
        _labelled("Thema's", ", ".join(labels["case_theme"].get(t, t) for t in row["themes"])),
        _labelled("Rol overheid", role),
        html.P(f"Bron: {publisher}", className="small text-body-secondary mb-0"),
    ]
    return dbc.Col(
        html.Article(
            dbc.Card(dbc.CardBody(body), className="h-100"),
            className="h-100 sk-case-card",
            **aria(label=row["case_name"]),
        ),
        md=6,
        xl=4,
        className="mb-3",
    )


KINDS = ("bevorderend", "belemmerend")


def _matrix_cell(rows: list[dict]) -> html.Td:
    counts = {kind: sum(int(r["factors"]) for r in rows if r["kind"] == kind) for kind in KINDS}
    parts = [
        html.Span(f"{sign}{counts[kind]}", className=f"sk-factor-{kind}", title=title)
        for kind, sign, title in (
            ("bevorderend", "▲ +", f"{counts['bevorderend']} bevorderende factor(en)"),
            ("belemmerend", "▼ −", f"{counts['belemmerend']} belemmerende factor(en)"),
        )
        if counts[kind]
    ]
    descriptions = "; ".join(d for r in rows for d in r["descriptions"])
    return html.Td(parts, title=descriptions or None)


def factor_matrix(matrix: pd.DataFrame, cases: pd.DataFrame, labels: Labels) -> html.Div:
    """Key-factor themes × cases: '▲ +n' promoting and '▼ −n' hindering, not by colour alone."""
    cases = cases.sort_values("case_name")
    header = html.Tr(
        [html.Th("Sleutelfactor", scope="col")]
        + [
            html.Th(
                dcc.Link(row.case_name, href=f"/casussen/{row.case_id}"),
                scope="col",
                className="sk-matrix-case",
            )
            for row in cases.itertuples(index=False)
        ]
    )
    # rows per (theme, case) in one pass: ~120 cells filtered one by one took a fifth of a render
    cells: dict[tuple[str, str], list[dict]] = {}
    for row in matrix.to_dict("records"):
        cells.setdefault((row["theme"], row["case_id"]), []).append(row)
    body = [
        html.Tr(
            [html.Th(label, scope="row")]
            + [_matrix_cell(cells.get((theme, case_id), [])) for case_id in cases["case_id"]]
        )
        for theme, label in labels["factor_theme"].items()
    ]
    legend = html.Caption(
        [
            html.Span("▲ +n", className="sk-factor-bevorderend"),
            " = n bevorderende factoren, ",
            html.Span("▼ −n", className="sk-factor-belemmerend"),
            " = n belemmerende factoren in die casus; een lege cel: de casus noemt bij die "
            "sleutelfactor niets. Wijs een cel aan voor de factoren zelf.",
        ]
    )
    table = html.Table(
        [legend, html.Thead(header), html.Tbody(body)],
        className="table table-sm table-bordered small sk-matrix",
    )
    return html.Div(  # scrolls inside its own box on a phone, reachable by keyboard
        table,
        className="table-responsive",
        tabIndex="0",
        role="region",
        **aria(label="Sleutelfactoren per casus (tabel)"),
    )


def filter_controls(
    overview: pd.DataFrame, filters: CaseFilters, ids: dict[str, str], labels: Labels
) -> dbc.Row:
    """The collection's filters, set from the link; ids maps parameter name to component id."""
    provinces = {name: name for name in sorted(overview["province_name"].unique())}
    years = {year: str(year) for year in case_years(overview)}
    dropdowns = [
        ("Thema", ids["thema"], labels["case_theme"], filters.theme or None, 3),
        ("Rol overheid (trede)", ids["trede"], labels["ladder_step"], filters.step or None, 3),
        ("Provincie", ids["provincie"], provinces, filters.province or None, 2),
        ("Actief vanaf", ids["van"], years, filters.first_year, 2),
        ("Actief tot en met", ids["tot"], years, filters.last_year, 2),
    ]
    columns = [
        dbc.Col(labelled_control(label, _choice(control_id, options, value)), md=width)
        for label, control_id, options, value, width in dropdowns
    ]
    search = dbc.Input(
        id=ids["zoek"],
        value=filters.search,
        type="search",
        debounce=True,
        placeholder="Naam of plaats",
    )
    columns.append(dbc.Col([dbc.Label("Zoeken", html_for=ids["zoek"]), search], md=12))
    return dbc.Row(columns, className="sk-controls g-2 mb-3")


def _choice(control_id: str, options: dict, value: str | int | None) -> dbc.Select:
    choices: list[dict[str, object]] = [
        {"label": lab, "value": key} for key, lab in options.items()
    ]
    return select(control_id, choices, value, empty_label="Alle")


def overview_section(title: str, children: list, sources: pd.DataFrame) -> html.Section:
    """A headed panel of the collection page, closed by the documents it rests on."""
    return html.Section(
        [html.H2(title, className="h5"), *children, documents_note(sources)],
        className="sk-panel border rounded p-3 mb-4",
        **aria(label=title),  # a region named by its heading
    )


def documents_note(sources: pd.DataFrame) -> html.P:
    """'Bron: …' per document behind a panel (the sections per case are on the case pages)."""
    documents = sources.drop_duplicates(["publisher", "title"]).assign(reference="")
    return html.P(
        [html.Span([source_line(row), html.Br()]) for _, row in documents.iterrows()],
        className="small text-body-secondary mb-0 sk-source-note",
    )
