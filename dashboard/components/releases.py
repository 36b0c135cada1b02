"""The releases on /gegevens: which are kept, when they were published, what each changed."""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from dashboard.components.aria import aria
from dashboard.components.chart_panel import data_table
from dashboard.text.labels import format_date

CHANGE_LABELS = {"added": "nieuw", "revised": "herzien", "removed": "vervallen"}


def _history_table(history: pd.DataFrame, kept: set[str]) -> html.Div:
    rows = pd.DataFrame(
        {
            "Publicatie": history["release_id"],
            "Datum": history["built_at"].map(format_date),
            "Cijfers nieuw": history["cells_added"].astype(int),
            "Herzien": history["cells_revised"].astype(int),
            "Vervallen": history["cells_removed"].astype(int),
            "Onderwerpen": history["indicators"].fillna(""),
            "Bewaard": ["ja" if r in kept else "nee" for r in history["release_id"]],
        }
    )
    return data_table(rows, "Publicaties, nieuwste eerst")


def _changes_table(changes: pd.DataFrame) -> html.Div | html.P:
    if changes.empty:
        return html.P("Deze publicatie wijzigt geen cijfers ten opzichte van de vorige.")
    rows = pd.DataFrame(
        {
            "Onderwerp": changes["indicator_label"].fillna(changes["indicator"]),
            "Wijziging": changes["change"].map(CHANGE_LABELS),
            "Cellen": changes["cells"].astype(int),
            "Plaatsen": changes["places"].astype(int),
            "Jaren": [", ".join(str(y) for y in years) for years in changes["years"]],
        }
    )
    return data_table(rows, "Wat deze publicatie veranderde")


def releases_section(
    release_id: str, history: pd.DataFrame, changes: pd.DataFrame, kept: list[str]
) -> html.Section:
    """Kept releases with their dates and changes; a link to view each kept one."""
    links = [
        html.Li(dcc.Link(f"Bekijk publicatie {r}", href=f"/gegevens?versie={r}"))
        for r in sorted(kept, reverse=True)
        if r != release_id
    ]
    return html.Section(
        [
            html.H2("Publicaties", className="h5"),
            html.P(
                "Elke keer dat er nieuwe cijfers komen, verschijnt een nieuwe publicatie. Een "
                "gedeelde link noemt de publicatie waarop hij gemaakt is en blijft die cijfers "
                "tonen zolang ze bewaard worden. Hieronder staat per publicatie hoeveel cijfers "
                "nieuw of herzien zijn, zodat u ziet of de cijfers van een oude link sindsdien "
                "zijn veranderd."
            ),
            _history_table(history, set(kept)),
            _changes_table(changes),
            html.Ul(links, className="small") if links else None,
        ],
        className="sk-panel border rounded p-3 mb-4",
        **aria(label="Publicaties"),
    )


def open_data_section(release_id: str, municipality_code: str) -> html.Section:
    """Every number of this release for spreadsheets and programs: whole-release files and the
    API (docs/api.md), each pinned to this release."""
    root = f"/api/v1/releases/{release_id}"
    example = (
        f"/api/v1/observations?indicator=youth_care_clients&gemeente={municipality_code}"
        f"&versie={release_id}&format=csv"
    )
    files = [
        ("observations.parquet", "Alle cijfers in één Parquet-bestand"),
        ("csv.zip", "Alle tabellen als CSV (zip, met uitleg van de kolommen)"),
        ("parquet.zip", "Alle tabellen als Parquet (zip, met uitleg van de kolommen)"),
    ]
    return html.Section(
        [
            html.H2("Open data: alle cijfers van deze publicatie", className="h5"),
            html.P(
                f"De cijfers van publicatie {release_id}, precies zoals de pagina's ze tonen: "
                "geheime cellen zijn ook hier leeg (teken x), met bron en status per cijfer. "
                "CBS- en RIVM-cijfers vallen onder CC BY 4.0: vermeld de bron."
            ),
            html.Ul(
                [
                    html.Li(html.A(label, href=f"{root}/{name}", download=""))
                    for name, label in files
                ]
            ),
            html.P(
                [
                    "Voor programma's: een API met JSON of CSV, vast te pinnen op een publicatie (",
                    html.A("beschrijving (OpenAPI)", href="/api/v1/openapi.json"),
                    "). Voorbeeld: ",
                    html.A(html.Code(example), href=example),
                ],
                className="small",
            ),
        ],
        className="sk-panel border rounded p-3 mb-4",
        **aria(label="Open data"),
    )
