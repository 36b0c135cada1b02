"""Golden paths of the Kerncijfers page in a real browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from dashboard.text.labels import format_number
from tests.conftest import fixture_csv

pytestmark = pytest.mark.browser


def store_value(indicator: str, code: str, year: int) -> int:
    rows = fixture_csv("observations.csv")
    match = rows[
        (rows["indicator"] == indicator)
        & (rows["municipality_code"] == code)
        & (rows["year"] == str(year))
        & (rows["category"] == "total")
    ]
    return int(match["value"].item())


def fixture_share(code: str, year: int) -> str:
    rows = fixture_csv("observations.csv")
    return rows[
        (rows["indicator"] == "youth_care_share_pct")
        & (rows["municipality_code"] == code)
        & (rows["year"] == str(year))
    ]["value"].item()


def test_shared_link_shows_four_cards_with_store_values(page, live_app_url):
    page.goto(f"{live_app_url}/?gemeente=GM0351&jaar=2022")
    expect(page.get_by_role("heading", name="Kerncijfers Woudenberg 2022")).to_be_visible()
    cards = page.locator("section.h-100")
    expect(cards).to_have_count(4)
    clients = page.get_by_role("region", name="Jongeren met jeugdzorg")
    expect(clients).to_contain_text(f"{store_value('youth_care_clients', 'GM0351', 2022)} jongeren")
    expect(clients).to_contain_text("Cijfer over 2022")
    share = format_number(float(fixture_share("GM0351", 2022)), 1)
    expect(clients).to_contain_text(f"{share} % van de jongeren tot 23 jaar")
    # the fixture has no health-monitor figure: the card stays and says why
    expect(page.get_by_role("region", name="Vrijwilligerswerk")).to_contain_text("geen cijfer")
    clients.get_by_text("Over dit cijfer").click()
    expect(clients).to_contain_text("Bron: CBS (Testtabel jeugdhulp; 2024)")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    assert page.console_errors == []


def test_bad_link_shows_dutch_message_next_to_default_view(page, live_app_url):
    page.goto(f"{live_app_url}/?gemeente=GM9999&jaar=2022")
    expect(page.get_by_role("alert")).to_contain_text("GM9999")
    expect(page.get_by_role("heading", name="Kerncijfers Woudenberg 2022")).to_be_visible()
    assert page.console_errors == []


def test_choosing_a_year_updates_the_link_and_the_cards(page, live_app_url):
    page.goto(f"{live_app_url}/?gemeente=GM0351&jaar=2022")
    page.get_by_label("Jaar").select_option(label="2019")
    expect(page).to_have_url(re.compile(r"jaar=2019"))
    expect(page.get_by_role("heading", name="Kerncijfers Woudenberg 2019")).to_be_visible()
    expect(page.get_by_role("region", name="Jongeren met jeugdzorg")).to_contain_text(
        f"{store_value('youth_care_clients', 'GM0351', 2019)} jongeren"
    )
    assert page.console_errors == []


def test_sample_data_is_marked_on_screen(page, live_app_url):
    page.goto(f"{live_app_url}/?gemeente=GM0327&jaar=2022")  # Leusden: only sample data
    expect(page.get_by_role("region", name="Jongeren met jeugdzorg")).to_contain_text(
        "Voorbeeldgegevens"
    )
    assert page.console_errors == []
