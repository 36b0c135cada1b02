"""Gegevens (/gegevens): every source in the store, what it covers, what the signs mean.

For data stewards and sceptical readers: publisher, table or document, period, retrieval or
import time, licence and status of every source; the meaning of every symbol and marker on the
pages; the import templates.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard.components.aria import aria
from dashboard.components.chart_panel import data_table
from dashboard.components.page_frame import page_frame
from dashboard.components.releases import open_data_section, releases_section
from dashboard.serving import runtime
from dashboard.serving.url_state import single_values
from dashboard.store import queries
from dashboard.store.page_context import RELEASE_PARAMETER, PageContext, open_page
from dashboard.text.labels import IMPORT_TEMPLATES, SAMPLE_EXPLANATION, format_date
from dashboard.text.source_lines import title_with_reference

dash.register_page(
    __name__, path="/gegevens", name="Gegevens", title="Gegevens · Sociaal Kompas", order=6
)


def sources_table(coverage: pd.DataFrame, kind_labels: dict[str, str]) -> html.Div:
    """The sources as a Dutch table, one row per source (every cell shown as plain text)."""
    rows = pd.DataFrame(
        {
            "Soort": coverage["kind"].map(kind_labels).fillna(coverage["kind"]),
            "Uitgever": coverage["publisher"],
            "Tabel of document": [
                title_with_reference(title, reference)
                for title, reference in zip(coverage["title"], coverage["reference"], strict=True)
            ],
            "Periode": [
                f"{int(a)}–{int(b)}" if pd.notna(a) else ""
                for a, b in zip(coverage["first_year"], coverage["last_year"], strict=True)
            ],
            "Onderwerpen": coverage["indicators"].fillna(""),
            # The shipped CBS extracts carry no publication date; their figures are as they
            # stood on the day they were copied (next column), and the table says so.
            "Gepubliceerd": [
                format_date(p)
                if isinstance(p, str) and p
                else "niet in de kopie; zie stand"
                if isinstance(r, str) and r
                else "onbekend"
                for p, r in zip(coverage["published_on"], coverage["retrieved_at"], strict=True)
            ],
            "Stand (opgehaald of geïmporteerd)": [
                format_date(v) if isinstance(v, str) else "" for v in coverage["retrieved_at"]
            ],
            "Licentie": coverage["licence"],
            "Status": coverage["status"],
        }
    )
    return data_table(rows, "Bronnen in deze publicatie")


def signs_explained(page: PageContext) -> html.Section:
    """What the symbols, statuses and markers on every page mean, in plain Dutch."""
    statuses = queries.vocabulary_rows(page.release, "status")
    symbols = queries.vocabulary_rows(page.release, "cell_symbol")
    threshold = page.info.get("suppression_threshold", 10)
    return html.Section(
        [
            html.H2("Wat de tekens betekenen", className="h5"),
            html.Dl(
                [
                    item
                    for row in symbols.itertuples(index=False)
                    for item in (
                        html.Dt([html.Code(row.code), f" {row.label_nl}"]),
                        html.Dd(row.description_nl),
                    )
                ]
            ),
            html.P(
                f"Aantallen personen onder de {threshold} tonen we niet, ook niet in downloads. "
                "Waar een kleine cel anders terug te rekenen zou zijn (uit het totaal, of uit de "
                "provincie min de andere gemeenten), verbergen we ook een tweede cel. Een x zegt "
                "dus nooit hoe groot het aantal is."
            ),
            html.H3("Status van een cijfer", className="h6"),
            html.Dl(
                [
                    item
                    for row in statuses.itertuples(index=False)
                    for item in (html.Dt(row.label_nl), html.Dd(row.description_nl))
                ]
            ),
            html.P(
                "In grafieken zijn gegenereerde punten open rondjes of driehoeken; echte cijfers "
                "zijn gevuld. Een vergelijking met een gegenereerd cijfer krijgt geen oordeel "
                "('gunstig' of 'ongunstig'), en een vergelijking tussen twee verschillende bronnen "
                "heet een breuk in de reeks."
            ),
        ],
        className="sk-panel border rounded p-3 mb-4",
        **aria(label="Wat de tekens betekenen"),
    )


def layout(**raw_query: object) -> html.Div:
    """The sources, the signs and the templates; only the release is in the link."""
    query, problems = single_values(raw_query, (RELEASE_PARAMETER,))
    page = open_page(query.get(RELEASE_PARAMETER))
    kind_labels = queries.vocabulary(page.release).get("source_kind", {})
    body = [
        dbc.Alert(
            [
                html.Strong("Voorbeeldgegevens. "),
                SAMPLE_EXPLANATION,
                " Echte cijfers (CBS, RIVM of eigen registratie) gaan altijd voor.",
            ],
            color="warning",
        )
        if page.info.get("has_demo_values")
        else None,
        sources_table(queries.source_coverage(page.release), kind_labels),
        signs_explained(page),
        releases_section(
            page.release_id,
            queries.release_history(page.release),
            queries.release_changes(page.release),
            runtime.current().store.kept(),
        ),
        open_data_section(page.release_id, page.settings.default_municipality),
        html.H2("Eigen registraties aanleveren", className="h5 mt-4"),
        html.P(
            "Vrijwilligers, maatjes en uitgaven tegenover begroting staan in geen landelijke "
            "statistiek. Lever ze aan met deze sjablonen (CSV of Excel, ; of , gescheiden). "
            "De beheerder importeert ze; een bestand met fouten wordt in zijn geheel "
            "geweigerd, met per fout het regelnummer en de kolom."
        ),
        html.Ul(
            [
                html.Li(html.A(f"{label} ({name})", href=f"/sjablonen/{name}", download=name))
                for name, label in IMPORT_TEMPLATES.items()
            ]
        ),
    ]
    return page_frame(
        page,
        title="Gegevens en bronnen",
        lead=f"Publicatie {page.release_id} van {format_date(page.info.get('built_at'))}. "
        "Elke waarde in het dashboard verwijst naar een van deze bronnen.",
        problems=problems + page.problems,
        link=f"/gegevens?{RELEASE_PARAMETER}={page.release_id}",
        body=body,
    )
