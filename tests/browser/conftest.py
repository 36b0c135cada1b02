"""A real Dash server in a thread and Debian's headless Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator

import pytest
from werkzeug.serving import make_server

CHROMIUM = os.environ.get("SK_CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium tries to reach Google services, which a closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def live_app_url(dash_app) -> Iterator[str]:
    """The session's app served by a real WSGI server on a free loopback port."""
    server = make_server("127.0.0.1", 0, dash_app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium; in CI a missing browser fails instead of skipping."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}; .ci/run installs it")
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser):
    """A fresh page that records console errors; the test asserts there are none."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    opened = context.new_page()
    opened.console_errors = []  # type: ignore[attr-defined]
    opened.on(
        "console",
        lambda message: message.type == "error" and opened.console_errors.append(message.text),
    )  # type: ignore[attr-defined]
    opened.on("pageerror", lambda error: opened.console_errors.append(str(error)))  # type: ignore[attr-defined]
    yield opened
    context.close()
