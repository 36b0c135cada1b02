"""Embeds in a real browser across two origins: a council's page (served from another origin)
shows the Jeugdhulp trend in a frame, while the full page refuses to be framed."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from functools import partial

import pytest

pytestmark = pytest.mark.browser

HOST_PAGE = """<!DOCTYPE html>
<html lang="nl"><head><title>Raadsinformatie</title><link rel="icon" href="data:,"></head><body>
<h1>Begroting 2026: jeugdzorg</h1>
<iframe name="embed" title="Jeugdhulp" width="900" height="900"
  src="{app}/embed/jeugdhulp/trend?gemeente=GM0351"></iframe>
<iframe name="page" title="Hele pagina" width="900" height="400" src="{app}/jeugdhulp"></iframe>
</body></html>
"""


@pytest.fixture()
def other_origin(live_app_url, tmp_path) -> Iterator[str]:
    """A second web server, on 'localhost' (another origin than the app's 127.0.0.1)."""
    (tmp_path / "raad.html").write_text(HOST_PAGE.format(app=live_app_url), encoding="utf-8")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://localhost:{server.server_port}"
    server.shutdown()


def test_an_embed_renders_on_another_origin_and_the_full_page_refuses_frames(page, other_origin):
    page.goto(f"{other_origin}/raad.html")
    embed = page.frame(name="embed")
    assert embed is not None
    embed.locator("#jeugdhulp-trend .js-plotly-plot .main-svg").first.wait_for(timeout=30_000)
    text = embed.locator("#jeugdhulp-trend").inner_text()
    assert "Woudenberg" in text and "Bron:" in text  # its sentence and source line
    assert embed.get_by_role("link", name="Bekijk dit in Sociaal Kompas").count() == 1
    assert embed.locator(".sk-navbar").is_hidden()  # no menu inside someone else's page
    full = page.frame(name="page")
    assert full is not None
    page.wait_for_timeout(1500)
    assert full.url.startswith("chrome-error://")  # the browser refused to show it
    assert full.locator("#_pages_content").count() == 0
    refused = [e for e in page.console_errors if "frame-ancestors" in e]
    assert refused, page.console_errors
    assert [e for e in page.console_errors if e not in refused] == []


@pytest.mark.parametrize(
    "path", ["/embed/jeugdhulp/trend?gemeente=GM0351", "/embed/kerncijfers/youth_care_clients"]
)
def test_an_embed_has_no_serious_axe_violation_at_phone_width(page, live_app_url, path):
    from axe_playwright_python.sync_playwright import Axe

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_app_url + path)
    page.locator(".sk-embed-view section").first.wait_for()
    page.wait_for_load_state("networkidle")
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in {"serious", "critical"}] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.console_errors == []
