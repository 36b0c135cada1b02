"""What the running app knows: its settings and its store, set once by `create_app(settings)`.

Pages and callbacks reach them through Flask's application context instead of module globals,
so two apps with different settings (e.g. in tests) never share a store.
"""

from __future__ import annotations

from dataclasses import dataclass

import flask

from dashboard.db import Store
from dashboard.settings import Settings

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
