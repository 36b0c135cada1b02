"""What the browser loads, and in which order, so the first chart appears soon on a slow link.

- plotly.js: Dash's Graph loads `window._dashPlotlyJSURL` (Dash's full 4.8 MB bundle) when the
  page has no `window.Plotly`. That URL answers here with the vendored partial bundle
  (assets/vendor/plotly, scatter + bar + choropleth, 1.4 MB), so the full one is never sent.
  It is loaded `async` from the head: it downloads while Dash starts and runs as soon as it is
  there (usually while the page's first callback is still on its way), instead of holding
  Dash's own scripts back. Should a graph mount before it ran, Dash's loader asks for the same
  URL, which the browser then has in its cache.
- Dash's lazily loaded chunk for graphs is preloaded too; otherwise the browser only asks for
  it after the page's first callback answered.
- DataTable's bundle is dropped from the page: no page uses it.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import Any

import dash
import flask

from dashboard.settings import PROJECT_ROOT

PLOTLY_BUNDLE = PROJECT_ROOT / "assets" / "vendor" / "plotly" / "plotly-sk.min.js"
PLOTLY_URL = "/_dash-component-suites/plotly/package_data/plotly.min.js"
ASSET_FOLDERS_NOT_ON_THE_PAGE = ["^plotly$"]  # assets/vendor/plotly: served at PLOTLY_URL instead
LAZY_CHUNKS = ("async-graph.js",)  # the pages use native selects, no Dash dropdown or slider
UNUSED_BUNDLES = re.compile(r'<script src="[^"]*/dash/dash_table/[^"]*"></script>\s*')
PLOTLY_LIFETIME_S = 3600  # not fingerprinted (Dash asks for this fixed URL): revalidated hourly


def head_tags() -> str:
    """plotly.js as an async script and preloads of Dash's lazily loaded chunks (page head)."""
    chunks = (f"/_dash-component-suites/dash/dcc/{chunk}" for chunk in LAZY_CHUNKS)
    preloads = [f'<link rel="preload" href="{url}" as="script">' for url in chunks]
    return "\n        ".join([f'<script async src="{PLOTLY_URL}"></script>', *preloads])


def without_unused_bundles(scripts_html: str) -> str:
    """Dash's script tags minus the bundles no page uses."""
    return UNUSED_BUNDLES.sub("", scripts_html)


@cache
def _plotly_bytes() -> tuple[bytes, str]:
    data = PLOTLY_BUNDLE.read_bytes()
    return data, hashlib.sha256(data).hexdigest()[:16]


def register_plotly_bundle(app: dash.Dash) -> None:
    """Answer Dash's plotly.js URL with the partial bundle (a more specific route than Dash's)."""

    @app.server.route(PLOTLY_URL)
    def plotly_bundle() -> Any:
        data, etag = _plotly_bytes()
        response = flask.Response(data, mimetype="application/javascript")
        response.set_etag(etag)
        response.headers["Cache-Control"] = f"public, max-age={PLOTLY_LIFETIME_S}"
        response.make_conditional(flask.request)
        return response
