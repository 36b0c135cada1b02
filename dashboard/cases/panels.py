"""Pieces of one case's page: the six panels, key figures and sources, each statement cited.

Every item carries a small 'bron' line naming the document and the lines it rests on, so a
reader can check a statement before quoting it.
"""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from dashboard.cases.citations import (
    citation_documents,
    document_names,
    line_references,
    readable_note,
)
from dashboard.cases.components import steps_text
from dashboard.cases.figures import period_label
from dashboard.cases.view import Labels
from dashboard.components.aria import aria
from dashboard.components.provenance import source_line
from dashboard.text.labels import format_number

Names = dict[str, str]  # document number -> short title


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def cite(ref: object, names: Names) -> html.Small | None:
    """The unobtrusive 'bron: <document>' line after a statement (lines: in the download)."""
    text = citation_documents(ref, names)
    return html.Small(f" bron: {text}", className="sk-cite d-block") if text else None


def panel(title: str, children: list, *, panel_id: str, folded: bool = False) -> html.Section:
    """One headed panel of a case page (a region named by its heading); a folded one opens on
    a click (a long case page is a list of headings on a phone) and always on paper."""
    return html.Section(
        html.Details(
            [html.Summary(html.H2(title, className="h5 d-inline")), *children],
            open=not folded,
            className="sk-fold",
        ),
        id=panel_id,
        className="sk-case-panel border rounded p-3 mb-3",
        **aria(label=title),
    )


INDICATOR_PAGES = (
    ("/", "Kerncijfers"),
    ("/jeugdhulp", "Jeugdhulp"),
    ("/verwijzingen", "Verwijzingen"),
    ("/uitgaven", "Uitgaven"),
    ("/vrijwilligers", "Vrijwilligers"),
)


def indicator_links(row: pd.Series, codes_with_data: pd.Series) -> html.Div | None:
    """Links to the indicator pages for the case's municipality, when it has indicator data."""
    code = row["municipality_code"]
    if code not in set(codes_with_data):
        return None
    links = [  # a list, so the links wrap on a phone
        html.Li(dcc.Link(label, href=f"{path}?gemeente={code}"), className="list-inline-item")
        for path, label in INDICATOR_PAGES
    ]
    return html.Div(
        [
            html.Span(f"Cijfers voor {row['municipality_name']}:", className="fw-semibold me-2"),
            html.Ul(links, className="list-inline d-inline mb-0"),
        ],
        className="sk-controls mb-3",
    )


def cited_list(items: pd.DataFrame, names: Names) -> html.Ul:
    """Statements (ideas) in file order, each with its citation and reading note."""
    return html.Ul(
        [
            html.Li([row.title, _note(row.detail, names), cite(row.ref, names)])
            for row in items.sort_values("position").itertuples(index=False)
        ]
    )


def _note(detail: object, names: Names) -> html.Small | None:
    text = readable_note(_text(detail), names)
    return html.Small(f" ({text})", className="sk-muted") if text else None


def milestone_list(timeline: pd.DataFrame, names: Names) -> html.Ul:
    """Milestones in date order, each with its date at the document's precision."""
    return html.Ul(
        [
            html.Li(
                [
                    html.Strong(row.date_text),
                    f": {row.description}",
                    _note(row.note, names),
                    cite(row.ref, names),
                ]
            )
            for row in timeline.itertuples(index=False)
        ]
    )


def actors_by_type(actors: pd.DataFrame, labels: Labels, names: Names) -> list:
    """Actors grouped under their type, each with role, what they did and the source."""
    groups: list = []
    for kind, rows in actors.groupby("category", sort=True):
        items = [
            html.Li(
                [
                    html.Strong(row.title),
                    f" ({labels['actor_role'].get(row.role, row.role)})",
                    f": {readable_note(row.detail, names)}" if _text(row.detail) else "",
                    cite(row.ref, names),
                ]
            )
            for row in rows.sort_values("position").itertuples(index=False)
        ]
        title = labels["actor_type"].get(str(kind), str(kind))
        groups += [html.H3(title, className="h6 mt-2"), html.Ul(items)]
    return groups


def factor_list(factors: pd.DataFrame, labels: Labels, names: Names) -> html.Ul:
    """Promoting or hindering factors, each with the key factors it is tagged with."""
    themes = labels["factor_theme"]
    return html.Ul(
        [
            html.Li(
                [
                    row.title,
                    html.Br(),
                    html.Small(
                        "Sleutelfactor: "
                        + ", ".join(themes.get(t, t) for t in _text(row.category).split(", ") if t),
                        className="sk-muted",
                    ),
                    cite(row.ref, names),
                ]
            )
            for row in factors.sort_values("position").itertuples(index=False)
        ]
    )


def role_shifts(ladder: pd.DataFrame, labels: Labels, names: Names) -> html.Ul | None:
    """The dated positions of the government's role in words, the current one marked."""
    dated = ladder[ladder["is_dated"]]
    if dated.empty:
        return None
    items = []
    for _, rows in dated.groupby("period", sort=True):
        first = rows.iloc[0]
        items.append(
            html.Li(
                [
                    html.Strong(f"{period_label(first['from_year'], first['to_year'])}: "),
                    steps_text(rows.sort_values("step_rank")["step"], labels),
                    " (huidig of laatst beschreven)" if first["is_current"] else "",
                    f". {first['description']}" if _text(first["description"]) else "",
                    cite(first["ref"], names),
                ]
            )
        )
    return html.Ul(items, className="mb-2")


def key_figures_table(figures: pd.DataFrame, names: Names) -> html.Div | html.P:
    """Numbers the document states, with unit, the year they refer to and their source."""
    if figures.empty:
        return html.P("Het document noemt geen kerncijfers voor deze casus.")
    rows = [
        html.Tr(
            [
                html.Td(row.title),
                html.Td(format_number(row.value, 2 if row.value % 1 else 0), className="text-end"),
                html.Td(_text(row.unit)),
                html.Td("" if pd.isna(row.year) else str(int(row.year))),
                html.Td([readable_note(_text(row.detail), names), cite(row.ref, names)]),
            ]
        )
        for row in figures.sort_values("position").itertuples(index=False)
    ]
    columns = ("Cijfer", "Waarde", "Eenheid", "Jaar", "Toelichting en bron")
    header = html.Thead(html.Tr([html.Th(column, scope="col") for column in columns]))
    return html.Div(  # scrolls sideways inside its own box on a phone, reachable by keyboard
        html.Table([header, html.Tbody(rows)], className="table table-sm small"),
        className="table-responsive",
        tabIndex="0",
        role="region",
        **aria(label="Kerncijfers uit het document (tabel)"),
    )


def citation(row: pd.Series, sources: pd.DataFrame, documents: pd.DataFrame) -> list:
    """The documents the case rests on, the reading chosen, and a note on own words."""
    lines: list = [html.P(source_line(source)) for _, source in sources.iterrows()]
    lines.append(
        html.Ul(
            [
                html.Li(f"{row.title} ({row.publisher})")
                for row in documents.itertuples(index=False)
            ],
            className="small",
        )
    )
    notes = _text(row["reading_notes"])
    if notes and line_references(notes) > 2:  # a reading of the PDF's lines: for checkers
        lines.append(
            html.P(
                "Hoe wij de documenten lazen, met de regels waar het om gaat, staat in de "
                "download van deze casus.",
                className="small",
            )
        )
    elif notes:
        lines.append(
            html.P(
                [
                    html.Strong("Gekozen lezing: "),
                    readable_note(row["reading_notes"], document_names(documents)),
                ],
                className="small",
            )
        )
    lines.append(
        html.P(
            "De inhoud is in eigen woorden samengevat uit de documenten; het zijn geen citaten. "
            "Bij elke uitspraak staat uit welk document die komt; de download van de casus "
            "noemt per uitspraak ook de regels.",
            className="small sk-muted mb-0",
        )
    )
    return lines
