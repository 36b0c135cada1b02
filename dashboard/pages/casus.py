"""Casus (/casussen/<case-id>): one practice case on one page, printable on A4.

For a director or council member who wants the whole story of one example: the six panels
(basic idea, milestones, actors, government role, promoting and hindering factors), a milestone
timeline, the ladder position(s), key figures and the sources. Every statement names the
document and lines it rests on; the download holds every item with its citation.
"""

from __future__ import annotations

from urllib.parse import parse_qs

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard.cases.citations import citation_text, document_names, short_title
from dashboard.cases.components import period_text, place_text, steps_text
from dashboard.cases.figures import ladder_figure, period_label, timeline_figure
from dashboard.cases.panels import (
    actors_by_type,
    citation,
    cite,
    cited_list,
    factor_list,
    indicator_links,
    key_figures_table,
    milestone_list,
    panel,
    role_shifts,
)
from dashboard.cases.view import Labels
from dashboard.components.chart_panel import download_buttons
from dashboard.components.page_frame import page_frame
from dashboard.components.provenance import source_line
from dashboard.serving.url_state import UrlProblem, single_values
from dashboard.store import queries
from dashboard.store.page_context import RELEASE_PARAMETER, PageContext, open_page

PREFIX = "/casussen/"


def page_title(case_id: str | None = None, **_path: str) -> str:
    """The browser tab: '<case name> · Sociaal Kompas', or that the case was not found."""
    release = open_page(None).release
    case = queries.case_overview(release, case_id or "")
    return f"{case['case_name'].iloc[0] if len(case) else 'Casus niet gevonden'} · Sociaal Kompas"


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


def _router_location() -> tuple[str | None, str]:
    """(case id from the path, the raw query string) as the page router got them.

    Dash merges query parameters over path variables, so `?case_id=` would replace the case in
    the path; reading the path itself means the path always wins.
    """
    try:
        inputs = dash.callback_context.inputs
    except dash.exceptions.MissingCallbackContextException:
        return None, ""  # called directly (tests): only the path variable is given
    pathname = str(inputs.get("_pages_location.pathname") or "")
    case_id = pathname[len(PREFIX) :].strip("/") if pathname.startswith(PREFIX) else None
    return case_id, str(inputs.get("_pages_location.search") or "")


def _override_attempt(search: str) -> list[UrlProblem]:
    """A `case_id` in the query is reported, never used: the case comes from the path."""
    values = parse_qs(search.lstrip("?"), keep_blank_values=True).get("case_id")
    if values is None:
        return []
    message = "deze parameter kent de pagina niet; de casus staat in het pad van de link."
    return [UrlProblem("case_id", ", ".join(values), message)]


def _not_found(page: PageContext, case_id: object, problems: list) -> html.Div:
    message = dbc.Alert(
        ["Er is geen casus met de naam '", html.Code(str(case_id)[:60]), "'."], color="warning"
    )
    return page_frame(
        page,
        title="Casus niet gevonden",
        lead=None,
        problems=problems,
        link="/casussen",
        body=[message, dcc.Link("Naar alle casussen", href="/casussen")],
    )


def layout(case_id: str | None = None, **raw_query: object) -> html.Div:
    """The case dashboard, or a Dutch message with a way back for an unknown case id."""
    path_case_id, search = _router_location()
    case_id = path_case_id or (case_id if isinstance(case_id, str) else None)
    query, problems = single_values(raw_query, (RELEASE_PARAMETER,))
    problems += _override_attempt(search)
    page = open_page(query.get(RELEASE_PARAMETER))
    case = queries.case_overview(page.release, case_id or "")
    if case.empty:
        return _not_found(page, case_id, problems + page.problems)
    row = case.iloc[0]
    labels = queries.vocabulary(page.release)
    documents = queries.documents(page.release)
    names = {d.document: short_title(d.title) for d in documents.itertuples(index=False)}
    items = queries.case_panels(page.release, row["case_id"])
    sources = queries.sources_by_id(page.release, [row["source_id"]])
    timeline = queries.case_timeline(page.release, row["case_id"])
    ladder = queries.case_ladder(page.release, row["case_id"])
    body = [
        html.Nav(dcc.Link("← Alle casussen", href="/casussen"), className="mb-2 sk-controls"),
        html.P(
            [
                f"{place_text(row)} ({row['municipality_code']}) · {row['province_name']} · "
                f"{period_text(row)} · fase: {labels['case_phase'].get(row['phase'], '')}",
                cite(row["phase_ref"], names),
            ],
            className="lead mb-1",
        ),
        html.P(row["summary"], className="mb-1"),
        html.P([source_line(s) for _, s in sources.iterrows()], className="small sk-muted"),
        indicator_links(row, queries.regions_with_data(page.release)["municipality_code"]),
        dbc.Row(
            [dbc.Col(p, xs=12, lg=6) for p in _panels(row, items, timeline, ladder, labels, names)],
            className="sk-case-panels",
        ),
        panel(
            "Kerncijfers uit de documenten",
            [key_figures_table(items[items["panel"] == "kerncijfers"], names)],
            panel_id=f"{PAGE}-kerncijfers",
            folded=True,
        ),
        panel("Bron", citation(row, sources, documents), panel_id=f"{PAGE}-bron", folded=True),
        _download(row, items, timeline, ladder, labels, documents, page),
    ]
    return page_frame(
        page,
        title=row["case_name"],
        lead=None,
        problems=problems + page.problems,
        link=f"{PREFIX}{row['case_id']}?{RELEASE_PARAMETER}={page.release_id}",
        body=body,
    )


def _panels(
    row: pd.Series,
    items: pd.DataFrame,
    timeline: pd.DataFrame,
    ladder: pd.DataFrame,
    labels: Labels,
    names: dict[str, str],
) -> list[html.Section]:
    step_labels = list(labels["ladder_step"].values())
    contents: dict[str, list] = {
        "Basisidee": [cited_list(_items(items, "basisidee"), names)],
        "Mijlpalen": [
            milestone_list(timeline, names),
            dcc.Graph(
                figure=timeline_figure(timeline, height=250, width=PANEL_WIDTH), config=STATIC_GRAPH
            ),
        ],
        "Actoren": actors_by_type(_items(items, "actoren"), labels, names),
        "Rol van de overheid": [
            html.P([row["government_description"], cite(row["government_ref"], names)]),
            html.P(
                [
                    html.Strong("Treden over de hele periode: "),
                    steps_text(row["overall_steps"], labels),
                ]
            ),
            role_shifts(ladder, labels, names),
            dcc.Graph(
                figure=ladder_figure(
                    ladder, step_labels=step_labels, height=340, width=PANEL_WIDTH
                ),
                config=STATIC_GRAPH,
            ),
        ],
        "Bevorderende factoren": [factor_list(_items(items, "bevorderend"), labels, names)],
        "Belemmerende factoren": [factor_list(_items(items, "belemmerend"), labels, names)],
    }
    return [  # the idea and the milestones open; the rest folded until asked for
        panel(
            title,
            children,
            panel_id=f"{PAGE}-{title.split()[0].lower()}",
            folded=title not in ("Basisidee", "Mijlpalen"),
        )
        for title, children in contents.items()
    ]


def _items(items: pd.DataFrame, panel_name: str) -> pd.DataFrame:
    return items[items["panel"] == panel_name]


PANEL_NAMES = {
    "basisidee": "Basisidee",
    "actoren": "Actoren",
    "bevorderend": "Bevorderende factoren",
    "belemmerend": "Belemmerende factoren",
    "kerncijfers": "Kerncijfers",
}


def case_rows(
    row: pd.Series,
    items: pd.DataFrame,
    timeline: pd.DataFrame,
    ladder: pd.DataFrame,
    labels: Labels,
    documents: pd.DataFrame,
) -> pd.DataFrame:
    """Every statement of the case, one row each, with the document and lines it rests on."""
    names = document_names(documents)
    records = [
        (PANEL_NAMES[i.panel], i.title, "" if pd.isna(i.value) else i.value, i.ref)
        for i in items.sort_values(["panel", "position"]).itertuples(index=False)
    ]
    records += [
        ("Mijlpalen", f"{m.date_text}: {m.description}", "", m.ref)
        for m in timeline.itertuples(index=False)
    ]
    records.append(
        ("Rol van de overheid", row["government_description"], "", row["government_ref"])
    )
    records += [
        (
            "Rol van de overheid",
            f"{labels['ladder_step'].get(r.step, r.step)} ({period_label(r.from_year, r.to_year)})",
            "",
            r.ref,
        )
        for r in ladder[ladder["is_dated"]].itertuples(index=False)
    ]
    frame = pd.DataFrame(records, columns=["Paneel", "Onderdeel", "Waarde", "Regels"])
    frame.insert(0, "Casus", row["case_name"])
    frame["Bron"] = [citation_text(ref, names) for ref in frame["Regels"]]
    frame["Status"] = labels.get("status", {}).get("documented", "Uit brondocument")
    return frame


def _download(
    row: pd.Series,
    items: pd.DataFrame,
    timeline: pd.DataFrame,
    ladder: pd.DataFrame,
    labels: Labels,
    documents: pd.DataFrame,
    page: PageContext,
) -> html.Section:
    table = case_rows(row, items, timeline, ladder, labels, documents)
    sources = documents.rename(columns={"published_on": "date", "file": "reference"}).assign(
        is_demo=False
    )
    stored = {
        "rows": table.astype(object).where(table.notna(), None).to_dict("records"),
        "columns": list(table.columns),
        "sources": sources[["publisher", "title", "reference", "date", "is_demo"]].to_dict(
            "records"
        ),
        "link": f"{PREFIX}{row['case_id']}?{RELEASE_PARAMETER}={page.release_id}",
        "name": f"casus-{row['case_id']}",
    }
    return panel(
        "Downloaden",
        [
            html.P(
                f"Alle {len(table)} uitspraken van deze casus, elk met het document en de regels "
                "waarop ze rusten.",
                className="small",
            ),
            download_buttons(f"{PAGE}-{row['case_id']}", stored),
        ],
        panel_id=f"{PAGE}-download",
    )
