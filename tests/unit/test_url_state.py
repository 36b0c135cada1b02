"""URL parameters: valid values pass, bad ones give a Dutch message naming them."""

from __future__ import annotations

import pytest

from dashboard.url_state import build_search, parse_municipality, parse_year, unknown_parameters

KNOWN = ["GM0351", "GM0345", "NL01"]
YEARS = [2018, 2019, 2020, 2021, 2022]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(None, "GM0351"), ("", "GM0351"), ("GM0345", "GM0345"), ("gm0345 ", "GM0345")],
)
def test_parse_municipality_accepts_known_codes(raw, expected):
    assert parse_municipality(raw, KNOWN, "GM0351") == (expected, None)


@pytest.mark.parametrize("raw", ["GM9999", "Woudenberg", "<script>"])
def test_parse_municipality_names_the_bad_value(raw):
    code, problem = parse_municipality(raw, KNOWN, "GM0351")
    assert code == "GM0351"
    assert problem is not None and problem.parameter == "gemeente"
    assert raw in problem.message_nl and "gemeente" in problem.message_nl


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [("2031", "Voor 2031 zijn geen gegevens"), ("twintig", "geen jaartal"), ("2017", "2018–2022")],
)
def test_parse_year_rejects_with_reason(raw, fragment):
    year, problem = parse_year(raw, YEARS)
    assert year == 2022  # falls back to the latest year with data
    assert problem is not None and fragment in problem.message_nl


def test_parse_year_accepts_available_year():
    assert parse_year("2019", YEARS) == (2019, None)


def test_unknown_parameters_are_reported():
    problems = unknown_parameters({"gemeente": "GM0351", "jaartal": "2022"}, ["gemeente", "jaar"])
    assert [p.parameter for p in problems] == ["jaartal"]


def test_build_search_omits_defaults_and_keeps_order():
    assert (
        build_search({"gemeente": "GM0351", "jaar": 2022}, {"gemeente": "GM0351"}) == "?jaar=2022"
    )
    assert build_search({"gemeente": "GM0345", "jaar": None}, {"gemeente": "GM0351"}) == (
        "?gemeente=GM0345"
    )
    assert build_search({"gemeente": "GM0351"}, {"gemeente": "GM0351"}) == ""
