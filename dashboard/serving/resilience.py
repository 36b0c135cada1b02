"""What a visitor gets when something is wrong outside the page: a Dutch answer, never a 500.

- A store that is missing or damaged: every page shows a Dutch notice (and /health says 503).
- A malformed callback request (hand-made, truncated, for a callback that does not exist):
  HTTP 400 with a JSON problem, before Dash's dispatcher trips over it.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping
from typing import Any

import dash
import dash_bootstrap_components as dbc
import flask
from dash import html

from dashboard.serving import CALLBACK_ROUTE
from dashboard.serving.response_cache import mark_uncacheable
from dashboard.store.db import ReleaseIncompatible, StoreBroken, StoreMissing

log = logging.getLogger(__name__)

STORE_ERRORS = (StoreMissing, StoreBroken)


def store_problem_text(error: Exception) -> str:
    """The Dutch sentence for a store that cannot be read."""
    if isinstance(error, StoreMissing):
        return (
            "Er zijn nog geen cijfers gepubliceerd, of de publicatie is verdwenen. "
            "Meld dit aan de beheerder van dit dashboard."
        )
    if isinstance(error, ReleaseIncompatible):
        return (
            "De gepubliceerde cijfers zijn gemaakt met een andere versie van Sociaal Kompas en "
            "passen niet bij deze versie. De beheerder moet ze opnieuw publiceren "
            "(python -m data_pipeline run)."
        )
    return (
        "Het gepubliceerde gegevensbestand is beschadigd en kan niet worden gelezen. "
        "De beheerder is gewaarschuwd; probeer het later opnieuw."
    )


def store_unavailable_notice(error: Exception) -> dbc.Alert:
    """What a page shows instead of its content when the store cannot be read."""
    return dbc.Alert(
        [html.H1("Cijfers niet beschikbaar", className="h4"), html.P(store_problem_text(error))],
        color="danger",
        className="sk-store-problem",
    )


def _guarded(layout: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(layout)
    def render(**query: object) -> Any:
        try:
            return layout(**query)
        except STORE_ERRORS as error:
            mark_uncacheable()
            log.error("page %s cannot read the store: %s", layout.__module__, error)
            return store_unavailable_notice(error)

    render.sk_guarded = True  # type: ignore[attr-defined]
    return render


def guard_page_layouts() -> None:
    """Wrap every registered page's layout so a store problem becomes a Dutch notice."""
    for page in dash.page_registry.values():
        layout = page.get("layout")
        if callable(layout) and not getattr(layout, "sk_guarded", False):
            page["layout"] = _guarded(layout)


def _shape_problem(body: object, callbacks: Mapping[str, Mapping[str, Any]]) -> str | None:
    """Why a callback request body does not fit a registered callback; None when it fits."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    spec = callbacks.get(body.get("output"))  # type: ignore[arg-type]
    if spec is None:
        return "no such callback"
    if not isinstance(body.get("outputs"), dict | list):
        return "'outputs' is missing"
    if not isinstance(body.get("changedPropIds", []), list):
        return "'changedPropIds' is not a list"
    for part in ("inputs", "state"):
        sent, expected = body.get(part, []), spec.get(part) or []
        if not isinstance(sent, list) or len(sent) != len(expected):
            return f"'{part}' does not match the callback"
        for item, wanted in zip(sent, expected, strict=True):
            items = item if isinstance(item, list) else [item]  # a wildcard sends a list
            if not all(
                isinstance(i, dict) and "id" in i and i.get("property") == wanted["property"]
                for i in items
            ):
                return f"'{part}' does not match the callback"
    return None


def install_callback_body_check(app: dash.Dash) -> None:
    """Answer a malformed callback request with 400 and a JSON problem, not a 500."""

    @app.server.before_request
    def check_callback_body() -> Any:
        request = flask.request
        if request.method != "POST" or not request.path.endswith(CALLBACK_ROUTE):
            return None
        try:
            body = request.get_json(silent=True)
        except RecursionError:  # JSON nested a thousand deep: not a callback
            return flask.jsonify(status="bad-request", problem="the body nests too deep"), 400
        problem = _shape_problem(body, app.callback_map)
        if problem is None:
            return None
        return flask.jsonify(status="bad-request", problem=problem), 400
