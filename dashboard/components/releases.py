"""The releases on /gegevens: which are kept, when they were published, what each changed."""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from dashboard.components.aria import aria
from dashboard.components.chart_panel import data_table
from dashboard.labels import format_date

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
