"""URL parameters: valid values pass; bad, repeated and unknown ones give a Dutch message."""

from __future__ import annotations

import pytest

from dashboard.serving.url_state import (
    MAX_SHOWN,
    build_search,
    parse_choice,
    parse_codes,
    parse_municipality,
    parse_period,
    parse_year,
    single_values,
)

NAMES = {"GM0351": "Woudenberg", "GM0345": "Veenendaal", "NL01": "Nederland"}
YEARS = [2018, 2019, 2020, 2021, 2022]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(None, "GM0351"), ("", "GM0351"), ("GM0345", "GM0345"), ("gm0345 ", "GM0345")],
)
def test_parse_municipality_accepts_known_codes(raw, expected):
    assert parse_municipality(raw, NAMES, "GM0351") == (expected, None)


@pytest.mark.parametrize("raw", ["GM9999", "Leusden", "<script>"])
def test_parse_municipality_names_the_parameter_and_keeps_the_value_out_of_the_sentence(raw):
    code, problem = parse_municipality(raw, NAMES, "GM0351")
    assert code == "GM0351"
    assert problem is not None and problem.parameter == "gemeente" and problem.value == raw
    assert raw not in problem.message_nl  # shown apart, as code
    assert "Woudenberg (GM0351)" in problem.message_nl


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("2031", "geen gegevens"),
        ("twintig", "geen jaartal"),
        ("²⁰²²", "geen jaartal"),
        ("2017", "2018–2022"),
    ],
)
def test_parse_year_rejects_with_reason(raw, fragment):
    year, problem = parse_year(raw, YEARS)
    assert year == 2022  # falls back to the latest year with data
    assert problem is not None and fragment in problem.message_nl


def test_parse_year_accepts_available_year():
    assert parse_year("2019", YEARS) == (2019, None)


def test_single_values_reports_unknown_and_repeated_parameters():
    values, problems = single_values(
        {"gemeente": ["GM0351", "GM0352"], "jaartal": "2022", "jaar": "2020"}, ["gemeente", "jaar"]
    )
    assert values == {"gemeente": "GM0351", "jaar": "2020"}
    assert [(p.parameter, p.value) for p in problems] == [
        ("gemeente", "GM0351, GM0352"),
        ("jaartal", "2022"),
    ]


def test_a_long_bad_value_is_shortened_for_display():
    _, problem = parse_municipality("x" * 5000, NAMES, "GM0351")
    assert problem is not None and len(problem.shown_value()) == MAX_SHOWN


def test_build_search_omits_defaults_and_keeps_order():
    assert (
        build_search({"gemeente": "GM0351", "jaar": 2022}, {"gemeente": "GM0351"}) == "?jaar=2022"
    )
    assert build_search({"gemeente": "GM0345", "jaar": None}, {"gemeente": "GM0351"}) == (
        "?gemeente=GM0345"
    )
    assert build_search({"gemeente": "GM0351"}, {"gemeente": "GM0351"}) == ""


def test_parse_choice_names_the_parameter():
    value, problem = parse_choice("maat", "absoluut", {"aantal": "", "per1000": ""}, "per1000")
    assert value == "per1000" and problem is not None
    assert problem.parameter == "maat" and "'aantal'" in problem.message_nl


def test_parse_codes_drops_and_names_unknown_codes():
    codes, problem = parse_codes("selectie", "GM0345,GM9999", ["GM0345"])
    assert codes == ["GM0345"] and problem is not None and problem.value == "GM9999"


def test_parse_period_reversed_range_falls_back():
    period, problems = parse_period("2022", "2019", YEARS)
    assert period == (2018, 2022) and problems[0].parameter == "van"
