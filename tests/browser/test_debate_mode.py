"""Debate mode in a real browser: pinned links, expired releases, A4 print with link and QR."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.conftest import (
    fixture_observations_loader,
    later_import,
    publish_fixture_store,
    publish_with,
)

pytestmark = pytest.mark.browser


# A later import: GM0351's young people with youth care in 2022 become 999.
LATER_IMPORT = later_import(
    "GM0351", "Gemeente Woudenberg", "2030-01-01T00:00:00", indicator="youth_care_clients"
)


def test_a_pinned_link_keeps_its_numbers_after_a_new_release(page, live_app_url, pipeline_settings):
    page.goto(f"{live_app_url}/?gemeente=GM0351&jaar=2022")
    page.get_by_role("button", name="Delen").click()
    pinned = page.locator("#sk-share-link").input_value()
    release_a = re.search(r"versie=([0-9.-]+)", pinned).group(1)
    volunteers = page.get_by_role("region", name="Jongeren met jeugdzorg")
    before = volunteers.locator(".sk-kpi-value").inner_text()
    publish_with(pipeline_settings, fixture_observations_loader, LATER_IMPORT)  # release B
    try:
        page.goto(pinned)
        expect(page.get_by_text("U bekijkt de cijfers zoals gepubliceerd op")).to_be_visible()
        expect(
            page.get_by_role("region", name="Jongeren met jeugdzorg").locator(".sk-kpi-value")
        ).to_have_text(before)
        page.goto(f"{live_app_url}/?gemeente=GM0351&jaar=2022")
        after = page.get_by_role("region", name="Jongeren met jeugdzorg").locator(".sk-kpi-value")
        expect(after).not_to_have_text(before)
        expect(page.get_by_text("U bekijkt de cijfers zoals gepubliceerd op")).to_have_count(0)
        assert release_a in pinned
    finally:
        publish_fixture_store(pipeline_settings)
    assert page.console_errors == []


def test_an_expired_release_is_named_next_to_the_current_view(page, live_app_url):
    page.goto(f"{live_app_url}/jeugdhulp?versie=2001-01-01.1")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("2001-01-01.1")
    expect(alert).to_contain_text("bestaat niet (meer)")
    expect(page.get_by_role("heading", name="Jeugdhulp Woudenberg")).to_be_visible()
    assert page.console_errors == []


def test_kerncijfers_print_on_one_a4_page_with_link_sources_and_qr_code(page, live_app_url):
    page.goto(f"{live_app_url}/?gemeente=GM0351&jaar=2022")
    expect(page.get_by_role("region", name="Jongeren met jeugdzorg")).to_be_visible()
    page.wait_for_selector(".sk-sparkline .main-svg")
    page.emulate_media(media="print")
    expect(page.locator(".sk-print-header img.sk-qr")).to_be_visible()
    expect(page.locator(".navbar")).to_be_hidden()
    expect(page.get_by_role("button", name="Delen")).to_be_hidden()
    pdf = PdfReader(
        io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True, print_background=True))
    )
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    assert "versie=" in text and "gemeente=GM0351" in text
    assert "Bron:" in text and "Kerncijfers Woudenberg 2022" in text
    assert page.console_errors == []


def test_the_share_dialog_has_link_qr_code_and_a_message(page, live_app_url):
    page.goto(f"{live_app_url}/verwijzingen?gemeente=GM0345")
    page.get_by_role("button", name="Delen").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("img", name=re.compile("QR-code"))).to_be_visible()
    link = dialog.locator("#sk-share-link").input_value()
    assert link.startswith(live_app_url) and "gemeente=GM0345" in link and "versie=" in link
    expect(dialog.get_by_role("textbox", name="Tekst voor een bericht")).to_have_value(
        re.compile(r"Verwijzingen Veenendaal — Sociaal Kompas \(publicatie ")
    )
    embed = dialog.get_by_role("textbox", name="Insluiten op een eigen website")
    expect(embed).to_have_value(re.compile(r'^<iframe src="http://.*/embed/verwijzingen/trend\?'))
    assert page.console_errors == []
