"""WCAG 2.1 AA in a real browser: axe-core on every page at desktop and phone width, the phone
layout (no sideways scrolling, a collapsing menu) and the keyboard path through a page."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.conftest import PAGE_PATHS

pytestmark = pytest.mark.browser

DESKTOP, PHONE = {"width": 1400, "height": 900}, {"width": 390, "height": 844}
BLOCKING = {"serious", "critical"}


def opened(page, url: str) -> None:
    page.goto(url)
    page.locator("#_pages_content h1").first.wait_for()
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", PAGE_PATHS)
def test_no_serious_or_critical_axe_violations(page, live_app_url, path, viewport):
    page.set_viewport_size(viewport)
    opened(page, live_app_url + path)
    violations = Axe().run(page).response["violations"]
    blocking = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in violations
        if v["impact"] in BLOCKING
    ]
    assert blocking == []
    assert page.console_errors == []


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_on_a_phone_no_page_scrolls_sideways_and_the_menu_folds(page, live_app_url, path):
    page.set_viewport_size(PHONE)
    opened(page, live_app_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_role("link", name="Casussen")).to_be_hidden()
    menu.get_by_role("button", name="Menu").click()
    expect(menu.get_by_role("link", name="Casussen")).to_be_visible()


def test_choosing_a_page_in_the_phone_menu_closes_it(page, live_app_url):
    page.set_viewport_size(PHONE)
    opened(page, live_app_url + "/")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    menu.get_by_role("button", name="Menu").click()
    menu.get_by_role("link", name="Gegevens").click()
    # generous: on a loaded two-core machine the Gegevens render can take seconds
    expect(page.get_by_role("heading", name="Gegevens", exact=False).first).to_be_visible(
        timeout=20_000
    )
    expect(menu.get_by_role("link", name="Casussen")).to_be_hidden()


def focus_path(page, steps: int) -> list[str]:
    """What the Tab key reaches, in order: tag, id and text of each focused element."""
    reached = []
    for _ in range(steps):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                """() => { const e = document.activeElement;
                   return `${e.tagName.toLowerCase()}#${e.id} ${(e.innerText || '').trim()}`; }"""
            )
        )
    return reached


def test_the_keyboard_reaches_controls_table_downloads_share_and_print(page, live_app_url):
    opened(page, live_app_url + "/jeugdhulp")
    reached = " | ".join(focus_path(page, 60))
    for wanted in (
        "select#jeugdhulp-gemeente",
        "select#jeugdhulp-maat",
        "Toon als tabel",  # the summary (its id asks the server for the table)
        "Download CSV",
        "Download Excel",
        " Delen",
        " Afdrukken",
    ):
        assert wanted in reached, wanted
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # a visible focus ring


def test_the_table_alternative_opens_from_the_keyboard(page, live_app_url):
    opened(page, live_app_url + "/jeugdhulp")
    summary = page.locator("#jeugdhulp-trend summary", has_text="Toon als tabel")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#jeugdhulp-trend table")).to_be_visible()


def test_the_accessibility_statement_is_linked_from_every_page(page, live_app_url):
    opened(page, live_app_url + "/jeugdhulp")
    page.get_by_role("contentinfo").get_by_role("link", name="Toegankelijkheid").click()
    expect(page.get_by_role("heading", name="Toegankelijkheidsverklaring")).to_be_visible()
    expect(page.locator("main")).to_have_count(1)
    expect(page.get_by_role("contentinfo")).to_have_count(1)
