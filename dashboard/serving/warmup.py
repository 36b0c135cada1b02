"""Warm a fresh server process before visitors arrive: the first visitor should not pay for
imports, attaching the release and the first queries (gunicorn calls this per worker)."""

from __future__ import annotations

import logging
import time
from typing import Any

import dash
import flask

from dashboard.serving import CALLBACK_ROUTE, PAGE_ROUTER

log = logging.getLogger(__name__)


def warm_paths() -> list[str]:
    """The pages registered with `warm_up=True` (their default view is rendered at start)."""
    return [str(page["path"]) for page in dash.page_registry.values() if page.get("warm_up")]


def router_request(path: str, search: str) -> dict[str, Any]:
    """The body the browser posts to render a page (Dash's page router callback)."""
    return {
        "output": PAGE_ROUTER,
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": path},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }


def warm_up(server: flask.Flask) -> None:
    """Open the index and render each page's default view once; never fails the process."""
    started = time.perf_counter()
    client = server.test_client()
    try:
        client.get("/")
        for path in warm_paths():
            client.post(
                CALLBACK_ROUTE,
                json=router_request(path, ""),
                headers={"Accept-Encoding": "gzip"},
            )
    except Exception:  # a store problem shows on the pages and /health, not at start-up
        log.exception("warm-up failed; the first visitors will wait a little longer")
        return
    log.info("warmed up in %.1f s", time.perf_counter() - started)
