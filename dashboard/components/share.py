"""Debate mode: share the exact view (pinned link, QR code, one line of text) and print it.

Every page gets the same two buttons. The link is pinned to the release the page shows, so a
council member who opens it later sees the sender's numbers, not the newest ones. The print
header (only visible on paper) repeats title, place, release, date, the link and its QR code.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape as html_escape

import dash_bootstrap_components as dbc
import flask
import segno
from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, html

from dashboard.text.labels import APP_NAME, format_date

SHARE_OPEN = "sk-share-open"
SHARE_MODAL = "sk-share-modal"
SHARE_LINK = "sk-share-link"
PRINT_BUTTON = "sk-print"
PRINT_DONE = "sk-print-done"
EMBED_CODE = "sk-embed-code"
SHARE_CLOSE = "sk-share-close"
COPY_BUTTON, COPY_DONE = "sk-copy-link", "sk-copy-done"
# The pages whose panels may be embedded (/embed/<page>/<panel>): path, and the panel the share
# dialog offers (a page's main chart; on Kerncijfers the first card).
EMBEDDABLE = {
    "kerncijfers": ("/", "youth_care_clients"),
    "jeugdhulp": ("/jeugdhulp", "trend"),
    "verwijzingen": ("/verwijzingen", "trend"),
    "uitgaven": ("/uitgaven", "trend"),
    "vrijwilligers": ("/vrijwilligers", "trend"),
}


def absolute(link: str) -> str:
    """The link as a reader outside this site needs it (scheme, host, path, parameters)."""
    try:
        root = flask.request.host_url.rstrip("/")
    except RuntimeError:  # outside a request (tests building components)
        root = ""
    return root + link


@lru_cache(maxsize=512)
def _qr_svg(url: str, scale: int) -> str:
    # A fixed mask: segno otherwise scores all eight to pick the most readable, which is most of
    # its time; every mask gives a valid code that phones read.
    return segno.make(url, error="m", mask=2).svg_data_uri(scale=scale, border=2)


def qr_code(url: str, *, scale: int = 4) -> html.Img:
    """The link as a QR code (segno), an SVG image that stays sharp on a projector and paper."""
    return html.Img(
        src=_qr_svg(url, scale),
        alt=f"QR-code van de link {url}",
        className="sk-qr",
    )


def embed_link(page_link: str, panel: str | None = None) -> str | None:
    """The embed of a page's panel ('/jeugdhulp?x=1' -> '/embed/jeugdhulp/trend?x=1')."""
    path, _, query = page_link.partition("?")
    for slug, (page_path, default_panel) in EMBEDDABLE.items():
        if page_path == path:
            return f"/embed/{slug}/{panel or default_panel}" + (f"?{query}" if query else "")
    return None


def iframe_code(url: str, title: str) -> str:
    """The HTML a council pastes into its own page."""
    return (
        f'<iframe src="{html_escape(url)}" title="{html_escape(title)}" width="100%" '
        'height="640" style="border:0" loading="lazy"></iframe>'
    )


def _embed_fields(link: str, title: str) -> list:
    embed = embed_link(link)
    if embed is None:
        return []
    return [
        dbc.Label("Insluiten op een eigen website", html_for=EMBED_CODE, className="mt-3"),
        dbc.Textarea(
            id=EMBED_CODE, value=iframe_code(absolute(embed), title), readOnly=True, rows=3
        ),
        html.P(
            "De belangrijkste grafiek van deze weergave, met bron en een link hierheen.",
            className="small text-muted",
        ),
    ]


def share_text(title: str, release_id: str, built_at: object, url: str) -> str:
    """One line to paste into a message: what, which release, and the link."""
    return f"{title} — {APP_NAME} (publicatie {release_id} van {format_date(built_at)}): {url}"


def share_controls(title: str, link: str, release_id: str, built_at: object) -> html.Div:
    """'Delen' and 'Afdrukken' buttons, the share dialog and the print-only header."""
    url = absolute(link)
    text = share_text(title, release_id, built_at, url)
    dialog = dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle("Deze weergave delen"), close_button=False),
            dbc.ModalBody(
                [
                    html.P(
                        "Deze link toont precies deze cijfers, ook nadat er nieuwe cijfers "
                        "zijn gepubliceerd.",
                        className="small",
                    ),
                    dbc.Label("Link", html_for=SHARE_LINK),
                    dbc.InputGroup(
                        [
                            dbc.Input(id=SHARE_LINK, value=url, readonly=True),
                            dbc.Button("Kopieer", id=COPY_BUTTON, color="secondary"),
                        ]
                    ),
                    html.Span(id=COPY_DONE, className="small", role="status"),
                    html.Div(qr_code(url, scale=5), className="my-3 text-center"),
                    dbc.Label("Tekst voor een bericht", html_for=f"{SHARE_LINK}-tekst"),
                    dbc.Textarea(id=f"{SHARE_LINK}-tekst", value=text, readOnly=True, rows=3),
                    *_embed_fields(link, title),
                ]
            ),
            dbc.ModalFooter(dbc.Button("Sluiten", id=SHARE_CLOSE, color="secondary")),
        ],
        id=SHARE_MODAL,
        is_open=False,
    )
    buttons = html.Div(
        [
            dbc.Button(
                "Delen", id=SHARE_OPEN, size="sm", color="primary", outline=True, className="me-2"
            ),
            dbc.Button("Afdrukken", id=PRINT_BUTTON, size="sm", color="secondary", outline=True),
            html.Span(id=PRINT_DONE, hidden=True),
        ],
        className="sk-share-buttons d-print-none mb-2",
    )
    printed = html.Div(
        [
            html.Div(
                [
                    html.P(f"{title} — {APP_NAME}", className="fw-semibold mb-0"),
                    html.P(
                        f"Publicatie {release_id} van {format_date(built_at)}", className="mb-0"
                    ),
                    html.P(["Link: ", html.Span(url, className="sk-print-url")], className="mb-0"),
                ],
                className="flex-grow-1",
            ),
            qr_code(url, scale=2),
        ],
        className="sk-print-header d-none d-print-flex",
    )
    return html.Div([buttons, dialog, printed])


@callback(
    Output(SHARE_MODAL, "is_open"),
    Input(SHARE_OPEN, "n_clicks"),
    Input(SHARE_CLOSE, "n_clicks"),
    State(SHARE_MODAL, "is_open"),
    prevent_initial_call=True,
)
def toggle_share(opened: int | None, closed: int | None, is_open: bool | None) -> bool:
    """Open (or close) the share dialog."""
    return not is_open


# Copying runs in the browser (assets/sk.js): a real button, so the keyboard reaches it.
clientside_callback(
    ClientsideFunction(namespace="sk", function_name="copy"),
    Output(COPY_DONE, "children"),
    Input(COPY_BUTTON, "n_clicks"),
    State(SHARE_LINK, "value"),
    prevent_initial_call=True,
)


# window.print() runs in the browser, from assets/sk.js (no inline script: the CSP forbids it).
clientside_callback(
    ClientsideFunction(namespace="sk", function_name="print"),
    Output(PRINT_DONE, "children"),
    Input(PRINT_BUTTON, "n_clicks"),
    prevent_initial_call=True,
)
