"""App factory: `create_app(settings)` and a lazily created module-level `server` for gunicorn.

Nothing here opens the store: the first request attaches the current release, after gunicorn
has forked its workers. The settings given to `create_app` are the only ones the app reads.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import parse_qs

import dash
import dash_bootstrap_components as dbc
import flask
import plotly.io
from dash import ClientsideFunction, Input, Output, State, dcc, html, set_props

from dashboard.api import install_api
from dashboard.components.aria import aria
from dashboard.serving import frontend, previews, runtime
from dashboard.serving.http_policy import EMBED_PREFIX, install_http_policy
from dashboard.serving.request_limits import RequestLimits
from dashboard.serving.resilience import (
    STORE_ERRORS,
    guard_page_layouts,
    install_callback_body_check,
    store_problem_text,
)
from dashboard.serving.response_cache import install_response_cache, mark_uncacheable
from dashboard.serving.routes import register_routes
from dashboard.serving.url_state import single_values
from dashboard.settings import PROJECT_ROOT, Settings
from dashboard.store import queries
from dashboard.store.db import Store
from dashboard.store.page_context import RELEASE_PARAMETER, open_page
from dashboard.text.labels import APP_NAME, SAMPLE_BADGE, format_date
from dashboard.text.source_lines import grouped_titles

log = logging.getLogger(__name__)
server: flask.Flask  # created on first access by __getattr__ below, not at import

QUERY_DIR = PROJECT_ROOT / "sql" / "queries"
INDEX_STRING = """<!DOCTYPE html>
<html lang="nl">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
        PRELOADS
    </head>
    <body>
        {%app_entry%}
        {%config%}
        {%scripts%}
        {%renderer%}
    </body>
</html>""".replace("PRELOADS", frontend.head_tags())
GLOBAL_ERROR = "app-error"
FOOTER = "app-footer"
SHELL_URL = "app-url"
MENU, MENU_BUTTON = "app-menu", "app-menu-button"


class SociaalKompasDash(dash.Dash):
    """Dash with per-link previews: the index page carries Open Graph tags for its link."""

    def interpolate_index(
        self,
        metas: str = "",
        title: str = "",
        css: str = "",
        config: str = "",
        scripts: str = "",
        app_entry: str = "",
        favicon: str = "",
        renderer: str = "",
    ) -> str:
        """Add the link's title and description (computed on the server) to the meta tags."""
        request = flask.request
        args = request.args.to_dict()
        title, description = previews.preview(request.path, args)
        image = previews.picture_url(request.path, args, request.host_url.rstrip("/"))
        metas += "\n        " + previews.meta_tags(title, description, request.url, image)
        page = super().interpolate_index(
            metas, title, css, config, scripts, app_entry, favicon, renderer
        )
        if request.path.startswith(EMBED_PREFIX):  # no menu and footer in someone else's page
            page = page.replace("<body>", '<body class="sk-embed">', 1)
        return page

    def _generate_scripts_html(self) -> str:
        """Dash's scripts without the bundles no page uses."""
        return frontend.without_unused_bundles(super()._generate_scripts_html())


def _navigation() -> dbc.Nav:
    """Links to every registered page, in their `order`."""
    pages = [
        page
        for page in dash.page_registry.values()
        if not page["module"].endswith("not_found_404")
        and "<" not in (page.get("path_template") or "")
        and page.get("in_navigation", True)
    ]
    pages.sort(key=lambda page: (99 if page.get("order") is None else page["order"], page["name"]))
    links = [
        dbc.NavLink(page["name"], href=page["relative_path"], active="exact") for page in pages
    ]
    return dbc.Nav(links, navbar=True, className="navbar-nav me-auto")


def _shell() -> html.Div:
    return html.Div(
        [
            dcc.Location(id=SHELL_URL),
            html.A("Naar de inhoud", href="#inhoud", className="visually-hidden-focusable"),
            html.Nav(
                dbc.Container(
                    [
                        dbc.NavbarBrand(APP_NAME, href="/"),
                        html.Button(  # on a phone the pages fold under this menu button
                            html.Span(className="navbar-toggler-icon"),
                            id=MENU_BUTTON,
                            className="navbar-toggler",
                            type="button",
                            **aria(label="Menu", controls=MENU),
                        ),
                        dbc.Collapse(_navigation(), id=MENU, navbar=True, is_open=False),
                    ],
                    fluid=True,
                ),
                className="navbar navbar-expand-lg navbar-dark mb-3 sk-navbar",
                **aria(label="Hoofdmenu"),
            ),
            dbc.Container(
                [
                    dbc.Alert(id=GLOBAL_ERROR, is_open=False, color="danger", dismissable=True),
                    html.Main(dash.page_container, id="inhoud"),
                    html.Footer(id=FOOTER, className="sk-footer border-top mt-4 pt-2 small"),
                ],
                fluid=True,
            ),
        ]
    )


def footer_content(info: dict[str, Any], sources: list[dict[str, Any]], release_id: str) -> list:
    """Release and its date, the sources it holds, and the sample marker when relevant."""
    titles: dict[str, list[str]] = {}
    for source in sources:
        if not source["is_demo"]:
            titles.setdefault(source["publisher"], []).append(str(source["title"]).split(" (")[0])
    publishers = [
        f"{publisher} ({'; '.join(grouped_titles(dict.fromkeys(names)))})"
        for publisher, names in sorted(titles.items())
    ]
    parts: list = [
        html.Span(f"Publicatie {release_id} van {format_date(str(info.get('built_at') or ''))}. "),
        html.Span(
            "Bronnen: " + ("; ".join(publishers) if publishers else "geen officiële bronnen")
        ),
    ]
    if info.get("has_demo_values"):
        parts += [
            ". ",
            dbc.Badge(SAMPLE_BADGE, color="warning", text_color="dark"),
            " Cijfers met dit label zijn gegenereerd en geen officiële cijfers.",
        ]
    return [
        *parts,
        " ",
        dcc.Link("Alle bronnen en sjablonen", href="/gegevens"),
        " · ",
        dcc.Link("Toegankelijkheid", href="/toegankelijkheid"),
    ]


def _register_shell_callbacks(app: dash.Dash) -> None:
    app.clientside_callback(
        ClientsideFunction(namespace="sk", function_name="toggle"),
        Output(MENU, "is_open"),
        Input(MENU_BUTTON, "n_clicks"),
        State(MENU, "is_open"),
        prevent_initial_call=True,
    )
    app.clientside_callback(  # a chosen page closes the phone menu again
        ClientsideFunction(namespace="sk", function_name="close"),
        Output(MENU, "is_open", allow_duplicate=True),
        Input(SHELL_URL, "pathname"),
        prevent_initial_call=True,
    )

    @app.callback(Output(FOOTER, "children"), Input(SHELL_URL, "search"))
    def show_footer(search: str | None) -> list:
        query, _ = single_values(parse_qs((search or "").lstrip("?")), (RELEASE_PARAMETER,))
        try:
            page = open_page(query.get(RELEASE_PARAMETER))
            sources = queries.source_coverage(page.release).to_dict("records")
        except STORE_ERRORS as error:  # the page itself says what is wrong
            mark_uncacheable()
            return [store_problem_text(error)]
        return footer_content(page.info, sources, page.release_id)


def _on_callback_error(error: Exception) -> None:
    mark_uncacheable()
    if isinstance(error, STORE_ERRORS):
        log.error("callback cannot read the store: %s", error)
        message = store_problem_text(error)
    else:
        log.exception("callback failed", exc_info=error)
        message = (
            "Er ging iets mis bij het ophalen van deze gegevens. Probeer het opnieuw; "
            "blijft het misgaan, meld het dan aan de beheerder."
        )
    set_props(GLOBAL_ERROR, {"is_open": True, "children": message})


def create_app(settings: Settings | None = None) -> dash.Dash:
    """Build the Dash app (pages, shell, health endpoint); opens no database connection."""
    settings = settings or Settings.from_env()
    logging.basicConfig(level=settings.log_level)
    # Plotly would switch to orjson when it is installed; on Dash's component trees that path
    # measured 2.5x slower than the standard library's encoder.
    plotly.io.json.config.default_engine = "json"
    app = SociaalKompasDash(
        "dashboard",  # the package: Dash then imports pages as dashboard.pages.*, the same
        # modules tests and other code import, so no page or callback is registered twice
        use_pages=True,
        pages_folder=str(PROJECT_ROOT / "dashboard" / "pages"),
        assets_folder=str(PROJECT_ROOT / "assets"),
        assets_path_ignore=frontend.ASSET_FOLDERS_NOT_ON_THE_PAGE,
        # Bootstrap is vendored in assets/ (no CDN): the app must work on a closed network.
        title=APP_NAME,
        update_title="",  # no English "Updating..." in the tab
        index_string=INDEX_STRING,
        on_error=_on_callback_error,
        suppress_callback_exceptions=True,
        serve_locally=True,
        include_pages_meta=False,  # previews.py writes the tags for the exact link
    )
    guard_page_layouts()
    # Order matters: the cache looks up before the body check and keeps what compression made.
    install_response_cache(app, settings)
    install_callback_body_check(app)
    install_http_policy(app, embed_origins=settings.embed_origins)
    frontend.register_plotly_bundle(app)
    store = Store(settings.db_path, QUERY_DIR)
    runtime.install(app.server, runtime.Runtime(settings, store))
    app.layout = _shell
    _register_shell_callbacks(app)
    register_routes(app, store)
    install_api(app.server)
    app.server.wsgi_app = RequestLimits(app.server.wsgi_app)  # type: ignore[method-assign]
    return app


def __getattr__(name: str) -> Any:
    """`dashboard.app:server` for gunicorn, created on first access (not at import)."""
    if name == "server":
        global server
        server = create_app().server
        return server
    raise AttributeError(name)
