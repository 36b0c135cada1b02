"""The app's plain Flask routes beside Dash's: /health, the map outlines, the link preview
picture and the import templates. Each serves a fixed thing; no path from a request reaches
the disk."""

from __future__ import annotations

from typing import Any

import dash
import flask
from flask import jsonify, send_from_directory

from dashboard.serving import preview_image, previews
from dashboard.settings import PROJECT_ROOT
from dashboard.store import geo, queries
from dashboard.store.db import Store, StoreBroken, StoreMissing
from dashboard.store.page_context import RELEASE_PARAMETER
from dashboard.text.labels import IMPORT_TEMPLATES


def register_routes(app: dash.Dash, store: Store) -> None:
    """Register every plain route on the app's Flask server."""
    _register_health(app, store)
    _register_templates(app)
    _register_outlines(app)
    _register_picture(app)


def _register_health(app: dash.Dash, store: Store) -> None:
    @app.server.route("/health")
    def health() -> Any:
        try:
            release = store.current()
            info = queries.store_info(release)
        except StoreMissing as missing:
            return jsonify(status="no-store", problem=str(missing)), 503
        except StoreBroken as broken:
            return jsonify(status="store-broken", problem=str(broken)), 503
        cache = app.server.extensions.get("sk_response_cache")
        return jsonify(
            status="ok",
            release=release.release_id,
            store_built_at=info.get("built_at"),
            **(cache.status() if cache is not None else {}),
        )


def _register_outlines(app: dash.Dash) -> None:
    """The municipal outlines for the maps (a fixed file; cached by browsers, versioned URL)."""

    @app.server.route(geo.ROUTE)
    def outlines() -> Any:
        response = flask.Response(geo.outline_bytes(), mimetype="application/geo+json")
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


def _register_picture(app: dash.Dash) -> None:
    """The link preview picture (og:image): the view's headline number as a PNG."""

    @app.server.route(preview_image.ROUTE)
    def picture() -> Any:
        args = flask.request.args.to_dict()
        path = args.pop("pagina", "/")[:200]
        title, headline, detail, release = previews.picture(path, args)
        response = flask.Response(
            preview_image.preview_png(title, headline, detail, release), mimetype="image/png"
        )
        pinned = bool(release) and args.get(RELEASE_PARAMETER) == release
        response.headers["Cache-Control"] = (
            "public, max-age=31536000, immutable" if pinned else "public, max-age=300"
        )
        return response


def _register_templates(app: dash.Dash) -> None:
    """Serve the import templates (a fixed list, so no path from a request reaches the disk)."""

    @app.server.route("/sjablonen/<name>")
    def template(name: str) -> Any:
        if name not in IMPORT_TEMPLATES:
            return "Onbekend sjabloon", 404
        return send_from_directory(
            PROJECT_ROOT / "data" / "templates", name, as_attachment=True, mimetype="text/csv"
        )
