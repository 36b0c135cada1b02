"""Gegevens (/gegevens): every source in the store, what it covers, and the import templates.

For data stewards and sceptical readers: publisher, table or document, period, retrieval or
import time, licence, and whether values are sample, provisional or final. Wiring only.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard import queries
from dashboard.components.chart_panel import data_table
from dashboard.labels import IMPORT_TEMPLATES, SAMPLE_EXPLANATION, format_date

dash.register_page(
    __name__, path="/gegevens", name="Gegevens", title="Gegevens · Sociaal Kompas", order=6
)

KIND_LABELS = {
    "official": "Officiële statistiek",
    "document": "Brondocument",
    "import": "Eigen registratie",
    "sample": "Gegenereerd",
}


def sources_table(coverage: pd.DataFrame) -> html.Table:
    """The sources as a Dutch table, one row per source."""
    rows = pd.DataFrame(
        {
            "Soort": coverage["kind"].map(KIND_LABELS).fillna(coverage["kind"]),
            "Uitgever": coverage["publisher"],
            "Tabel of document": coverage["title"] + " (" + coverage["reference"].fillna("") + ")",
            "Periode": [
                f"{int(a)}–{int(b)}" if pd.notna(a) else ""
                for a, b in zip(coverage["first_year"], coverage["last_year"], strict=True)
            ],
            "Onderwerpen": coverage["indicators"].fillna(""),
            "Gepubliceerd": coverage["published_on"].map(format_date),
            "Opgehaald of geïmporteerd": [
                format_date(v) if isinstance(v, str) else "" for v in coverage["retrieved_at"]
            ],
            "Licentie": coverage["licence"],
            "Status": coverage["status"],
        }
    )
    return data_table(rows, "Bronnen in de gepubliceerde gegevens")


def layout(**_query: str) -> html.Div:
    """The sources list and the templates; no controls, so nothing to put in the link."""
    info = queries.store_info()
    return html.Div(
        [
            html.H1("Gegevens en bronnen", className="h3"),
            html.P(
                f"Gepubliceerd op {format_date(str(info.get('built_at') or ''))}. "
                "Elke waarde in het dashboard verwijst naar een van deze bronnen.",
                className="lead",
            ),
            dbc.Alert(
                [
                    html.Strong("Voorbeeldgegevens. "),
                    SAMPLE_EXPLANATION,
                    " Echte cijfers (CBS of eigen registratie) gaan altijd voor.",
                ],
                color="warning",
            )
            if info.get("has_demo_values")
            else None,
            sources_table(queries.source_coverage()),
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
    )
