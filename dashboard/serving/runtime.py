"""What the running app knows: its settings and its store, set once by `create_app(settings)`.

Pages and callbacks reach them through Flask's application context instead of module globals,
so two apps with different settings (e.g. in tests) never share a store.
"""

from __future__ import annotations

from dataclasses import dataclass

import flask

from dashboard.settings import Settings
from dashboard.store.db import Store

EXTENSION = "sociaal_kompas"


@dataclass(frozen=True)
class Runtime:
    """The settings the app was created with and the store they point at."""

    settings: Settings
    store: Store


def install(server: flask.Flask, runtime: Runtime) -> None:
    """Attach the runtime to a Flask server (done once by create_app)."""
    server.extensions[EXTENSION] = runtime


def current() -> Runtime:
    """The runtime of the app handling the current request."""
    return flask.current_app.extensions[EXTENSION]


def current_release_id() -> str:
    """The current release id, read once per request: the response cache's key and the render
    use the one release, even when a publish lands between them."""
    store = current().store
    if not flask.has_request_context():
        return store.current_id()
    if "sk_current_id" not in flask.g:
        flask.g.sk_current_id = store.current_id()
    return str(flask.g.sk_current_id)


def reread_current_release_id() -> str:
    """The request's current release was deleted while it ran (a rollback): read the link again.

    The answer is not cached: its key was taken for the deleted release.
    """
    new_id = current().store.current_id()
    if flask.has_request_context():
        flask.g.sk_current_id = new_id
        flask.g.sk_uncacheable = True
    return new_id
