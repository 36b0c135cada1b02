"""A chart with everything around it: what it shows, source, sample marker, table, downloads.

The downloads contain exactly the plotted rows; every row names its place, source and status,
and the workbook's 'Bronnen' sheet gives the sources and the absolute, complete link of the
view. The browser only holds the view's link and the panel's id (in a dcc.Store): a download
renders that link again on the server and takes the panel's rows from there, so a download
is always the server's own data, never a table a client posts.
"""

from __future__ import annotations

import re
from typing import Any

import dash_bootstrap_components as dbc
import flask
import pandas as pd
from dash import MATCH, Input, Output, State, callback, ctx, dcc, html
from dash.exceptions import PreventUpdate

from dashboard.components.aria import aria
from dashboard.components.provenance import provisional_badge, source_note
from dashboard.figures.style import wrap_legend_names
from dashboard.text.exports import to_dutch_csv, to_xlsx
from dashboard.text.labels import PROVISIONAL_BADGE, format_number

DOWNLOAD_BUTTON = "sk-download-button"
DOWNLOAD = "sk-download"
PANEL_DATA = "sk-panel-data"
TABLE_TOGGLE, TABLE_SLOT = "sk-table-toggle", "sk-table-slot"
SCREEN_COLUMNS_LEFT_OUT = ("Maat", "Bron", "Bron noemer")  # in the downloads, not on screen


def _decimals(column: pd.Series) -> int:
    """One number style per column: as many decimals as its most precise value needs (≤ 2),
    so 31,10 / 8,00 / 10,20 read as one series, not '31,1 / 8 / 10,2'."""
    values = [v for v in column if isinstance(v, float) and v == v and not isinstance(v, bool)]
    for decimals in (0, 1):
        if all(round(v, decimals) == round(v, 2) for v in values):
            return decimals
    return 2


def _cell(value: object, decimals: int) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return "" if value != value else format_number(value, decimals)
    return "" if value is None else str(value)


def data_table(table: pd.DataFrame, caption: str) -> html.Div:
    """The plotted rows as an accessible HTML table (the 'Toon als tabel' alternative).

    Cells are plain text components, so text from files or links is shown, never interpreted.
    """
    units = table["Maat"].dropna().unique() if "Maat" in table else []
    left_out = SCREEN_COLUMNS_LEFT_OUT if len(units) <= 1 else SCREEN_COLUMNS_LEFT_OUT[1:]
    columns = [c for c in table.columns if c not in left_out]
    titles = {"Waarde": f"Waarde ({units[0]})"} if len(units) == 1 else {}  # unit in the header
    header = html.Thead(
        html.Tr([html.Th(titles.get(column, column), scope="col") for column in columns])
    )
    decimals = [_decimals(table[column]) for column in columns]
    body = html.Tbody(
        [
            html.Tr([html.Td(_cell(v, d)) for v, d in zip(row, decimals, strict=True)])
            for row in table[columns].itertuples(index=False)
        ]
    )
    return html.Div(
        html.Table(
            [html.Caption(caption, className="caption-top small fw-semibold"), header, body],
            className="table table-sm small sk-data-table",
        ),
        className="table-responsive",
        tabIndex="0",  # a box that scrolls sideways on a phone must be reachable by keyboard
        role="region",
        **aria(label=f"Tabel: {caption}"),
    )


class PanelData(dict):
    """What a panel's table and downloads hold, kept on the server. Its "rows" (records, None
    for a missing value) are made from "table" when first asked for: most renders are never
    downloaded, and making them took a quarter of building a panel."""

    def __missing__(self, key: str) -> Any:
        if key != "rows":
            raise KeyError(key)
        table: pd.DataFrame = dict.__getitem__(self, "table")
        rows = table.astype(object).where(table.notna(), None).to_dict("records")
        self["rows"] = rows
        return rows


def panel_data(table: pd.DataFrame, **fields: Any) -> PanelData:
    """A panel's server-side data: the table with its columns, and sources, link, name, ..."""
    return PanelData(table=table, columns=list(table.columns), **fields)


def download_buttons(panel_id: str, stored: dict[str, Any]) -> html.Div:
    """The two buttons and the panel's link; `stored` holds rows, columns, sources, link, name:
    only link and name go to the browser, the rest stays on the server-side component."""
    data = dcc.Store(
        id={"type": PANEL_DATA, "panel": panel_id},
        data={"link": stored["link"], "name": stored["name"]},
    )
    data.sk_download = stored  # type: ignore[attr-defined]  # not a prop: never serialised
    return html.Div(
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
            data,
        ],
        className="sk-downloads mt-2",
    )


# One toolbar button (save as PNG, in Dutch: the locale is registered in assets/sk.js): the
# table, CSV and Excel downloads do the rest, and ten English buttons were ten tab stops.
GRAPH_CONFIG: dcc.Graph.Config = {
    "displaylogo": False,
    "locale": "nl",
    "modeBarButtons": [["toImage"]],
    "toImageButtonOptions": {"format": "png", "scale": 2},
    "responsive": True,
    "topojsonURL": "/assets/vendor/topojson/",  # never the CDN: the app runs on closed networks
}


def chart_panel(
    panel_id: str,
    *,
    title: str,
    sentence: str,
    figure: Any,
    table: pd.DataFrame,
    sources: pd.DataFrame,
    is_demo: bool,
    view_link: str,
    graph_id: str | None = None,
    notes: list | None = None,
) -> html.Section:
    """One chart panel; `table` holds exactly the plotted rows with Dutch column names.

    `view_link` is the view's complete link (every parameter, the release included), relative
    to the site; the download makes it absolute.
    """
    stored = panel_data(
        table, sources=sources.to_dict("records"), link=view_link, name=panel_id, title=title
    )
    return html.Section(
        [
            html.H2(title, className="h5"),
            html.P(sentence, className="sk-sentence"),
            dcc.Graph(
                id=graph_id or f"{panel_id}-graph",
                figure=wrap_legend_names(figure),
                config=GRAPH_CONFIG,
            ),
            *(notes or []),
            source_note(sources, is_demo=is_demo),
            _provisional_note(table),
            table_toggle(panel_id),
            download_buttons(panel_id, stored),
        ],
        id=panel_id,
        className="sk-panel border rounded p-3 mb-4",
        **aria(label=title),
    )


def table_toggle(panel_id: str) -> html.Details:
    """'Toon als tabel': the table is built when it is opened, from the server's rows for the
    view's link (most visitors never open it; building ~1,000 cells per page for them made
    every render a third slower)."""
    return html.Details(
        [
            # Dash's <details> does not report `open`: the summary's clicks (mouse, Enter or
            # space) ask for the table
            html.Summary("Toon als tabel", id={"type": TABLE_TOGGLE, "panel": panel_id}),
            html.Div(id={"type": TABLE_SLOT, "panel": panel_id}, **aria(live="polite")),
        ],
        className="mt-2 sk-table-toggle",
    )


@callback(
    Output({"type": TABLE_SLOT, "panel": MATCH}, "children"),
    Input({"type": TABLE_TOGGLE, "panel": MATCH}, "n_clicks"),
    State({"type": PANEL_DATA, "panel": MATCH}, "data"),
    State({"type": TABLE_SLOT, "panel": MATCH}, "children"),
    prevent_initial_call=True,
)
def show_table(clicks: int | None, stored: dict | None, shown: Any) -> Any:
    """The panel's plotted rows as a table, rebuilt on the server from the view's link (once:
    closing and opening again keeps it)."""
    if not clicks or shown or not stored or not isinstance(stored.get("link"), str):
        raise PreventUpdate
    panel = server_panel(stored["link"], str(ctx.triggered_id.get("panel", "")))
    if panel is None:
        return html.P("Deze tabel kan niet meer worden opgebouwd; open de link opnieuw.")
    table = pd.DataFrame(panel["rows"], columns=panel.get("columns"))
    return data_table(table, str(panel.get("title") or panel.get("name") or ""))


def _provisional_note(table: pd.DataFrame) -> html.P | None:
    """Say so when the publisher calls any plotted value provisional (bands included)."""
    if "Status" not in table:
        return None
    provisional = table[table["Status"] == PROVISIONAL_BADGE]
    if provisional.empty:
        return None
    years = ", ".join(str(y) for y in sorted(set(provisional["Jaar"])))
    return html.P(
        [
            provisional_badge(),
            f" De cijfers over {years} zijn (deels) voorlopig en kunnen nog wijzigen.",
        ],
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
    """Send the panel's plotted rows as Dutch-Excel CSV or as .xlsx with sources and legend,
    rebuilt on the server from the view's link."""
    if not stored or not ctx.triggered_id or not isinstance(stored.get("link"), str):
        raise PreventUpdate
    panel = server_panel(stored["link"], str(ctx.triggered_id.get("panel", "")))
    if panel is None:
        raise PreventUpdate
    table = pd.DataFrame(panel["rows"], columns=panel.get("columns"))
    name = str(panel.get("name", "download"))
    link = flask.request.host_url.rstrip("/") + str(panel.get("link", "/"))
    if ctx.triggered_id["format"] == "csv":
        return dcc.send_bytes(to_dutch_csv(table.assign(Weergave=link)), _filename(name, "csv"))
    sources = pd.DataFrame(panel.get("sources") or [])
    return dcc.send_bytes(to_xlsx(table, sources, link), _filename(name, "xlsx"))


def server_panel(link: str, panel_id: str) -> dict[str, Any] | None:
    """Render the page a link opens, here on the server, and return one panel's download data."""
    from dashboard.serving.views import panel_download  # the page registry, at request time

    return panel_download(link, panel_id)
