"""Golden paths of the case pages in a real browser."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
CASES = Path(__file__).resolve().parents[2] / "data" / "cases"


def test_case_page_shows_all_six_panels_and_its_source(page, live_app_url):
    page.goto(f"{live_app_url}/casussen/de-kleine-schans")
    expect(page.get_by_role("heading", name="Coöperatie De Kleine Schans")).to_be_visible()
    for name in (
        "Basisidee",
        "Mijlpalen",
        "Actoren",
        "Rol van de overheid",
        "Bevorderende factoren",
        "Belemmerende factoren",
    ):
        expect(page.get_by_role("region", name=name, exact=True)).to_be_visible()
    source = page.get_by_role("region", name="Bron")
    source.get_by_role("heading", name="Bron").click()  # a folded section opens on a click
    expect(source).to_contain_text("Samen voor een stevige sociale basis")
    expect(source).not_to_contain_text("001_0f6cfb92b5c6b056.txt")  # no file names on the page
    expect(page.get_by_role("link", name="Jeugdhulp").last).to_have_attribute(
        "href", "/jeugdhulp?gemeente=GM0351"
    )
    expect(page).to_have_title("Coöperatie De Kleine Schans · Sociaal Kompas")
    navbar = page.locator(".navbar")
    expect(navbar.get_by_role("link", name="Casussen")).to_be_visible()
    expect(navbar.get_by_role("link", name="Casus", exact=True)).to_have_count(0)
    page.emulate_media(media="print")  # A4 print: no navigation or controls, panels stay
    expect(navbar).to_be_hidden()
    expect(page.get_by_role("region", name="Basisidee", exact=True)).to_be_visible()
    assert page.console_errors == []


def test_filtered_collection_link_reopens_in_the_same_state(page, live_app_url):
    expected = sorted(
        c["name"]
        for c in (tomllib.loads(p.read_text("utf-8")) for p in CASES.glob("*.toml"))
        if "jeugd" in c["themes"]
    )
    page.goto(f"{live_app_url}/casussen?thema=jeugd")
    expect(page.get_by_label("Thema").locator("option:checked")).to_have_text("Jeugd")
    cards = page.locator("article.sk-case-card")
    expect(cards).to_have_count(len(expected))
    assert sorted(cards.locator("h2").all_inner_texts()) == expected
    page.get_by_label("Provincie").select_option(label="Utrecht")
    expect(page).to_have_url(re.compile(r"/casussen\?thema=jeugd&provincie=Utrecht$"))
    expect(page.locator("article.sk-case-card")).to_have_count(1)
    page.reload()
    expect(page.locator("article.sk-case-card")).to_have_count(1)
    assert page.console_errors == []


def test_unknown_case_id_gives_message_and_link(page, live_app_url):
    page.goto(f"{live_app_url}/casussen/bestaat-niet")
    expect(page.get_by_text("Er is geen casus met de naam 'bestaat-niet'")).to_be_visible()
    page.get_by_role("link", name="Naar alle casussen").click()
    expect(page).to_have_url(re.compile(r"/casussen$"))
    assert page.console_errors == []
