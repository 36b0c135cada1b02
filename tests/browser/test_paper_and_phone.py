"""The debate on paper and on a phone, in a real browser: A4 prints that fit and hold the latest
year of every chart, the four headline numbers on a phone's first screen, charts whose legends
and titles fit a 390 px screen, and a preview picture that names the number."""

from __future__ import annotations

import io
import re
import urllib.request
from collections.abc import Iterator

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.serving import gunicorn

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PRINTED_PAGES = {"/": 1, "/jeugdhulp": 2, "/verwijzingen": 2, "/uitgaven": 2, "/vrijwilligers": 2}
LATEST_YEARS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(chart => {
    const years = chart._fullData.flatMap(t => Array.from(t.x || []))
        .filter(x => Number.isInteger(x) && x > 1990 && x < 2100);
    return years.length ? Math.max(...years) : null;
}).filter(year => year !== null)"""
CHART_WIDTHS = """() => Array.from(document.querySelectorAll('.js-plotly-plot .main-svg'))
    .map(svg => svg.getBoundingClientRect().width)"""


def opened(page, url: str) -> None:
    page.goto(url)
    page.locator("#_pages_content h1").first.wait_for()
    page.wait_for_load_state("networkidle")


@pytest.fixture(scope="module")
def shipped_site(default_store) -> Iterator[str]:
    """The embedded default data (real CBS extracts) under gunicorn: what a council prints."""
    with gunicorn(default_store) as url:
        yield url


@pytest.mark.parametrize("path, most", PRINTED_PAGES.items())
def test_a_print_fits_its_pages_and_holds_every_charts_latest_year(page, shipped_site, path, most):
    opened(page, shipped_site + path)
    latest = page.evaluate(LATEST_YEARS)
    page.emulate_media(media="print")
    page.wait_for_timeout(500)  # the charts are laid out again at the paper's width
    assert all(width <= 700 for width in page.evaluate(CHART_WIDTHS))
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert len(pdf.pages) <= most
    assert all(str(year) in text for year in latest), (latest, text[-400:])
    assert "Over dit cijfer" not in text and "Bronnen in detail" not in text  # no folded stubs
    assert page.console_errors == []


def test_a_folded_case_section_is_printed_open(page, live_app_url):
    opened(page, live_app_url + "/casussen/de-kleine-schans")
    folded = page.locator("details.sk-fold:not([open])")
    assert folded.count() > 0
    page.emulate_media(media="print")
    page.wait_for_timeout(300)
    assert folded.count() == 0  # opened for the paper
    page.emulate_media(media="screen")
    page.wait_for_timeout(300)
    assert page.locator("details.sk-fold:not([open])").count() > 0  # and folded again


def test_the_four_headline_numbers_are_on_a_phones_first_screen(page, live_app_url):
    page.set_viewport_size(PHONE)
    opened(page, live_app_url + "/?gemeente=GM0351")
    tiles = page.get_by_role("region", name="In één oogopslag").locator(".sk-headline-value")
    assert tiles.count() == 4
    for index in range(4):
        box = tiles.nth(index).bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"]
    assert re.search(r"\d", tiles.nth(0).inner_text())


CLIPPED = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).flatMap(chart => {
    const svg = chart.querySelector('.main-svg').getBoundingClientRect();
    return Array.from(chart.querySelectorAll('.legend, .gtitle, .g-xtitle, .g-ytitle, .colorbar'))
        .map(part => [part.getAttribute('class'), part.getBoundingClientRect()])
        .filter(([, box]) => box.width > 0 &&
            (box.left < svg.left - 1 || box.right > svg.right + 1))
        .map(([name]) => chart.closest('section').id + ' ' + name);
})"""


@pytest.mark.parametrize("path", ["/jeugdhulp", "/verwijzingen", "/uitgaven", "/vrijwilligers"])
def test_on_a_phone_no_legend_or_title_is_clipped(page, live_app_url, path):
    page.set_viewport_size(PHONE)
    opened(page, live_app_url + path)
    page.locator(".js-plotly-plot .main-svg").first.wait_for()
    assert page.evaluate(CLIPPED) == []
    toolbar = page.locator(".modebar-btn")
    assert toolbar.count() <= page.locator(".js-plotly-plot").count()  # one button per chart


@pytest.mark.parametrize("path", ["/?gemeente=GM0351", "/jeugdhulp?gemeente=GM0351"])
def test_a_link_preview_picture_is_a_png_that_names_the_number(page, live_app_url, path):
    page.goto(live_app_url + path)
    image_url = page.locator('meta[property="og:image"]').get_attribute("content")
    assert image_url and "versie=" in image_url  # pinned: the picture of this release
    with urllib.request.urlopen(image_url, timeout=30) as response:
        body = response.read()
        assert response.headers["Content-Type"] == "image/png"
    picture = Image.open(io.BytesIO(body))
    assert picture.format == "PNG" and picture.size == (1200, 630)
    said = picture.info["Description"]
    page.locator("#_pages_content h1").first.wait_for()
    if path.startswith("/?"):
        shown = page.locator(".sk-kpi-card .sk-kpi-value").first.inner_text()
    else:
        shown = page.locator("#jeugdhulp-trend .sk-sentence").inner_text().split(" van ")[0]
        shown = re.search(r"\d[\d.,]*", shown).group(0)  # type: ignore[union-attr]
    assert shown in said, (shown, said)
