"""A chart with everything around it: what it shows, source, sample marker, table, downloads.

The plotted rows travel with the panel (in a dcc.Store), so the CSV and Excel downloads contain
exactly what the chart shows, and the 'Bronnen' sheet names the sources and the view's URL.
"""

from __future__ import annotations

import re
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import MATCH, Input, Output, State, callback, ctx, dcc, html
from dash.exceptions import PreventUpdate

from dashboard.components.provenance import provisional_badge, source_note
from dashboard.exports import to_dutch_csv, to_xlsx
from dashboard.labels import format_number

DOWNLOAD_BUTTON = "sk-download-button"
DOWNLOAD = "sk-download"
PANEL_DATA = "sk-panel-data"


def data_table(table: pd.DataFrame, caption: str) -> html.Div:
    """The plotted rows as an accessible table (the 'Toon als tabel' alternative).

    Rendered from Markdown: one component instead of one per cell, which kept large pages slow.
    """
    header = "| " + " | ".join(_markdown(c) for c in table.columns) + " |"
    rule = "|" + "---|" * len(table.columns)
    rows = [
        "| " + " | ".join(_markdown(_cell(v)) for v in row) + " |"
        for row in table.itertuples(index=False)
    ]
    return html.Div(
        [
            html.P(caption, className="small fw-semibold mb-1"),
            dcc.Markdown(
                "\n".join([header, rule, *rows]), className="table table-sm small sk-data-table"
            ),
        ],
        className="table-responsive",
    )


def _markdown(text: object) -> str:
    return str(text).replace("|", "\\|").replace("<", "&lt;")


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return format_number(value, 0 if value.is_integer() else 2)
    return "" if value is None else str(value)


def chart_panel(
    panel_id: str,
    *,
    title: str,
    sentence: str,
    figure: Any,
    table: pd.DataFrame,
    sources: pd.DataFrame,
    is_demo: bool,
    view_url: str,
    graph_id: str | None = None,
) -> html.Section:
    """One chart panel; `table` holds exactly the plotted rows with Dutch column names."""
    stored = {
        "rows": table.to_dict("records"),
        "columns": list(table.columns),
        "sources": sources.to_dict("records"),
        "url": view_url,
        "name": panel_id,
    }
    downloads = html.Div(
        [
            dbc.Button(
                "Download CSV",
                id={"type": DOWNLOAD_BUTTON, "panel": panel_id, "format": "csv"},
                size="sm",
                color="secondary",
                outline=True,
                className="me-2",
            ),
            dbc.Button(
                "Download Excel",
                id={"type": DOWNLOAD_BUTTON, "panel": panel_id, "format": "xlsx"},
                size="sm",
                color="secondary",
                outline=True,
            ),
            dcc.Download(id={"type": DOWNLOAD, "panel": panel_id}),
            dcc.Store(id={"type": PANEL_DATA, "panel": panel_id}, data=stored),
        ],
        className="sk-downloads mt-2",
    )
    return html.Section(
        [
            html.H2(title, className="h5"),
            html.P(sentence, className="sk-sentence"),
            dcc.Graph(
                id=graph_id or f"{panel_id}-graph",
                figure=figure,
                config={"displaylogo": False, "locale": "nl"},
            ),
            source_note(sources, is_demo=is_demo),
            _provisional_note(table),
            html.Details(
                [html.Summary("Toon als tabel"), data_table(table, title)],
                className="mt-2 sk-table-toggle",
            ),
            downloads,
        ],
        id=panel_id,
        className="sk-panel border rounded p-3 mb-4",
        **{"aria-label": title},
    )


def _provisional_note(table: pd.DataFrame) -> html.P | None:
    """Say so when the publisher calls any plotted value provisional."""
    if "Voorlopig" not in table or not table["Voorlopig"].any():
        return None
    years = ", ".join(str(y) for y in sorted(set(table.loc[table["Voorlopig"], "Jaar"])))
    return html.P(
        [provisional_badge(), f" De cijfers over {years} zijn voorlopig en kunnen nog wijzigen."],
        className="small mb-1",
    )


def _filename(name: str, extension: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", name.lower()).strip("-") + f".{extension}"


@callback(
    Output({"type": DOWNLOAD, "panel": MATCH}, "data"),
    Input({"type": DOWNLOAD_BUTTON, "panel": MATCH, "format": "csv"}, "n_clicks"),
    Input({"type": DOWNLOAD_BUTTON, "panel": MATCH, "format": "xlsx"}, "n_clicks"),
    State({"type": PANEL_DATA, "panel": MATCH}, "data"),
    prevent_initial_call=True,
)
def download_panel(csv_clicks: int | None, xlsx_clicks: int | None, stored: dict) -> dict:
    """Send the panel's plotted rows as Dutch-Excel CSV or as .xlsx with a sources sheet."""
    if not stored or not ctx.triggered_id:
        raise PreventUpdate
    table = pd.DataFrame(stored["rows"], columns=stored["columns"])
    if ctx.triggered_id["format"] == "csv":
        return dcc.send_bytes(to_dutch_csv(table), _filename(stored["name"], "csv"))
    sources = pd.DataFrame(stored["sources"])
    return dcc.send_bytes(to_xlsx(table, sources, stored["url"]), _filename(stored["name"], "xlsx"))
