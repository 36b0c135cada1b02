"""The map on every indicator page, in a real browser, desktop and phone width: drawn from the
app's own outlines, without console errors and without a request leaving the machine."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAGES = ["jeugdhulp", "verwijzingen", "uitgaven", "vrijwilligers"]


@pytest.mark.parametrize("width", [1400, 390])
@pytest.mark.parametrize("name", PAGES)
def test_the_map_renders_locally(browser, live_app_url, name, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    page = context.new_page()
    outside, errors = [], []
    page.on("request", lambda r: r.url.startswith(live_app_url) or outside.append(r.url))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{live_app_url}/{name}")
    panel = page.locator(f"#{name}-kaart")
    expect(panel.locator(".choroplethlocation").first).to_be_attached(timeout=15000)
    assert panel.locator(".choroplethlocation").count() >= 3  # the fixture's municipalities
    assert outside == [] and errors == []
    context.close()


def test_clicking_a_municipality_on_the_map_selects_it(page, live_app_url):
    page.goto(f"{live_app_url}/jeugdhulp")
    panel = page.locator("#jeugdhulp-kaart")
    expect(panel.locator(".choroplethlocation").first).to_be_attached(timeout=15000)
    page.evaluate("""() => {
        const graph = document.querySelector('#jeugdhulp-kaart-graph .js-plotly-plot');
        const trace = graph.data[0];
        const index = trace.locations.indexOf('GM0345');
        graph.emit('plotly_click', {points: [{location: 'GM0345', pointIndex: index, curveNumber: 0,
                                              data: trace, fullData: graph._fullData[0]}]});
    }""")
    expect(page).to_have_url(re.compile(r"gemeente=GM0345"))
    expect(page.get_by_role("heading", name="Jeugdhulp Veenendaal")).to_be_visible()
    assert page.console_errors == []
