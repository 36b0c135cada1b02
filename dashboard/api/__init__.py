"""The read-only open data API under /api/v1 (docs/api.md): the routes, wired to the contract.

Each route checks its parameters against the contract, opens one release (the pinned one, or
the current one, named in the answer), and answers rows from resources.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import flask

from dashboard.api import bulk, resources
from dashboard.api.answers import (
    PINNED,
    data_answer,
    preflight,
    problem_answer,
    with_common_headers,
)
from dashboard.api.contract import API_PREFIX, DOWNLOADS, ENDPOINTS
from dashboard.api.openapi import document
from dashboard.api.params import ApiProblem, parse
from dashboard.serving import runtime
from dashboard.store.db import Release, ReleaseGone, StoreBroken, StoreMissing, kept_release_id

Rows = Callable[[Release, dict[str, Any]], list[dict[str, Any]]]
ROWS: dict[str, Rows] = {
    "indicators": resources.indicators,
    "categories": resources.categories,
    "sources": resources.sources,
    "regions": resources.regions,
    "groups": resources.groups,
    "observations": resources.observations,
}


def _open(requested: str | None) -> Release:
    store = runtime.current().store
    try:
        if requested:
            if not kept_release_id(requested):
                raise ReleaseGone(requested)
            return store.release(requested)
        return store.release(runtime.current_release_id())
    except ReleaseGone as gone:
        raise ApiProblem(
            404,
            "Publicatie niet gevonden",
            "Deze publicatie bestaat niet (meer); zie /releases.",
            "versie",
        ) from gone
    except (StoreMissing, StoreBroken) as error:
        raise ApiProblem(503, "Cijfers niet beschikbaar", str(error)) from error


def _current_id() -> str:
    try:
        return runtime.current_release_id()
    except (StoreMissing, StoreBroken):
        return ""


def answer(endpoint: str) -> flask.Response:
    """Rows of one endpoint for the request's parameters."""
    params = parse(endpoint, flask.request.args.to_dict(flat=False))
    release = _open(params.get("versie"))
    current_id = _current_id()
    if endpoint == "releases":
        kept = runtime.current().store.kept()
        rows = resources.releases(release, kept, current_id)
        basis, pinned = f"{release.build_id}\0{current_id}\0{','.join(kept)}", False
    else:
        rows = ROWS[endpoint](release, params)
        basis, pinned = release.build_id, "versie" in params
    return data_answer(
        rows,
        list(ENDPOINTS[endpoint][2]),
        release_id=release.release_id,
        is_current=release.release_id == current_id,
        pinned=pinned,
        params=params,
        etag_basis=basis,
    )


def download(release_id: str, name: str) -> flask.Response:
    """A whole-release download (Parquet or zipped tables with a README)."""
    release = _open(release_id)
    path = bulk.release_file(release, name)
    response = flask.send_file(
        path,
        mimetype=DOWNLOADS[name][0],
        as_attachment=True,
        download_name=f"sociaal-kompas-{release.release_id}-{name}",
        etag=f"{release.build_id}-{name}",
        conditional=True,
    )
    with_common_headers(response, pinned=True)
    response.headers["Cache-Control"] = PINNED
    return response


def _openapi() -> flask.Response:
    response = flask.Response(
        json.dumps(document(), ensure_ascii=False), mimetype="application/json"
    )
    response.headers.update(
        {"Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=3600"}
    )
    return response


def install_api(server: flask.Flask) -> None:
    """Register /api/v1 on the app's Flask server."""
    api = flask.Blueprint("api", __name__, url_prefix=API_PREFIX)
    api.add_url_rule("/openapi.json", "openapi", _openapi)
    for endpoint in ENDPOINTS:
        api.add_url_rule(f"/{endpoint}", endpoint, lambda e=endpoint: answer(e))
    api.add_url_rule(
        "/releases/<release_id>/<name>",
        "download",
        lambda release_id, name: download(release_id, name) if name in DOWNLOADS else _not_found(),
    )
    api.add_url_rule("/", "index", _index)
    api.add_url_rule("/<path:_rest>", "unknown", lambda _rest: _not_found())
    api.before_request(lambda: preflight() if flask.request.method == "OPTIONS" else None)
    api.register_error_handler(ApiProblem, problem_answer)
    server.register_blueprint(api)


def _not_found() -> flask.Response:
    return problem_answer(
        ApiProblem(404, "Niet gevonden", "Dit adres kent de API niet; zie /api/v1/openapi.json.")
    )


def _index() -> flask.Response:
    links = {name: f"{API_PREFIX}/{name}" for name in ENDPOINTS}
    body = {"openapi": f"{API_PREFIX}/openapi.json", "endpoints": links}
    response = flask.jsonify(body)
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response
