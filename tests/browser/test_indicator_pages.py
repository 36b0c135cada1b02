"""Golden paths of the indicator pages in a real browser: shared links, downloads, bad links."""

from __future__ import annotations

import csv
import io
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SHARED_LINKS = [
    ("/jeugdhulp?gemeente=GM0345&maat=aantal&van=2019", "Jeugdhulp Veenendaal", "Aantal jongeren"),
    (
        "/verwijzingen?vergelijking=grootte&maat=aantal",
        "Verwijzingen Woudenberg",
        "Aantal trajecten",
    ),
    (
        "/uitgaven?maat=per-jongere&tot=2021",
        "Uitgaven Woudenberg",
        "Euro per jongere met jeugdzorg",
    ),
    (
        "/vrijwilligers?gemeente=GM0345&maat=aantal",
        "Vrijwilligers Veenendaal",
        "Aantal vrijwilligers",
    ),
]


@pytest.mark.parametrize(("link", "heading", "measure"), SHARED_LINKS)
def test_shared_link_reopens_in_the_same_state(page, live_app_url, link, heading, measure):
    page.goto(live_app_url + link)
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.get_by_label("Weergave").locator("option:checked")).to_have_text(measure)
    if "van=2019" in link:
        expect(
            page.get_by_role("region", name="Jongeren met jeugdzorg", exact=True)
        ).to_contain_text("dan in 2019")
    assert page.url == live_app_url + link  # the link is not rewritten on load
    assert page.console_errors == []


def test_changing_a_control_writes_it_into_the_link(page, live_app_url):
    page.goto(f"{live_app_url}/verwijzingen")
    page.get_by_label("Weergave").select_option(label="Aantal trajecten")
    expect(page).to_have_url(re.compile(r"/verwijzingen\?maat=aantal$"))
    expect(page.get_by_label("Weergave").locator("option:checked")).to_have_text("Aantal trajecten")
    assert page.console_errors == []


def test_csv_download_matches_the_chart(page, live_app_url):
    page.goto(f"{live_app_url}/jeugdhulp?maat=aantal")
    panel = page.get_by_role("region", name="Jongeren met jeugdzorg", exact=True)
    expect(panel).to_be_visible()
    page.wait_for_selector("#jeugdhulp-trend-graph .js-plotly-plot .main-svg")
    plotted = page.evaluate("""() => {
        const graph = document.querySelector('#jeugdhulp-trend-graph .js-plotly-plot');
        const trace = graph._fullData.find(t => t.name === 'Woudenberg');  // decoded arrays
        return {x: Array.from(trace.x), y: Array.from(trace.y)};
    }""")
    with page.expect_download() as download_info:
        panel.get_by_role("button", name="Download CSV").click()
    content = download_info.value.path().read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    downloaded = {
        int(r["Jaar"]): float(r["Waarde"].replace(",", "."))
        for r in rows
        if r["Reeks"] == "Woudenberg"
    }
    assert downloaded == dict(zip(plotted["x"], plotted["y"], strict=True))
    assert page.console_errors == []


def test_bad_parameter_shows_dutch_message_and_default_view(page, live_app_url):
    page.goto(f"{live_app_url}/uitgaven?maat=absoluut&gemeente=GM9999")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("'maat'")
    expect(alert).to_contain_text("GM9999")
    expect(page.get_by_role("heading", name="Uitgaven Woudenberg")).to_be_visible()
    assert page.console_errors == []


def test_table_alternative_opens(page, live_app_url):
    page.goto(f"{live_app_url}/vrijwilligers")
    panel = page.get_by_role("region", name="Geregistreerde vrijwilligers", exact=True)
    panel.get_by_text("Toon als tabel").click()
    expect(panel.get_by_role("table")).to_contain_text("Woudenberg")
    assert page.console_errors == []
