"""Pure parts of the indicator pages: comparison groups, link rewriting, sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.indicator_page import next_query
from dashboard.indicator_state import comparison_group
from dashboard.narrative import describe_change, trend_sentence
from dashboard.url_state import parse_choice, parse_codes, parse_period

REGIONS = pd.DataFrame(
    {
        "municipality_code": ["NL01", "GM0351", "GM0345", "GM0327", "GM0855"],
        "region_kind": ["country", "municipality", "municipality", "municipality", "municipality"],
        "province_code": [None, "PV26", "PV26", "PV26", "PV30"],
        "size_class": [None, "tot 20.000", "50.000 - 100.000", "20.000 - 50.000", "tot 20.000"],
    }
)


@pytest.mark.parametrize(
    ("kind", "selection", "expected"),
    [
        ("provincie", [], ["GM0345", "GM0327"]),
        ("grootte", [], ["GM0855"]),
        ("selectie", ["GM0855", "GM0351"], ["GM0855"]),  # never the municipality itself
    ],
)
def test_comparison_group(kind, selection, expected):
    assert comparison_group(REGIONS, "GM0351", kind, selection) == expected


def test_bar_click_sets_year_and_category():
    click = {"points": [{"x": 2020, "customdata": ["gp"]}]}
    query = next_query(
        {"jaar": "2022"},
        {"gemeente": "GM0351", "maat": "aandeel"},
        click,
        "verwijzingen-breakdown",
        "verwijzingen-breakdown",
    )
    assert query == {"jaar": "2020", "gemeente": "GM0351", "maat": "aandeel", "categorie": "gp"}


def test_control_change_keeps_drilldown_and_ignores_stale_click():
    click = {"points": [{"x": 2020, "customdata": ["gp"]}]}
    query = next_query(
        {"jaar": "2021", "categorie": "gp", "maat": "aantal"},
        {"gemeente": "GM0345", "maat": "per1000", "selectie": ""},
        click,
        "verwijzingen-maat",
        "verwijzingen-breakdown",
    )
    assert query == {"jaar": "2021", "categorie": "gp", "gemeente": "GM0345", "maat": "per1000"}


def test_trend_sentence_states_level_and_change():
    series = pd.DataFrame({"year": [2019, 2020, 2022], "value": [370.0, None, 311.0]})
    sentence = trend_sentence(
        series,
        "In {year} kregen {value} jongeren in {name} jeugdhulp",
        name="Woudenberg",
        decimals=0,
    )
    # (311 - 370) / 370 = -15.9% -> "16% minder"
    assert (
        sentence == "In 2022 kregen 311 jongeren in Woudenberg jeugdhulp, 16% minder dan in 2019."
    )


def test_sentence_without_data_says_so():
    empty = pd.DataFrame({"year": [], "value": []})
    assert "geen" in trend_sentence(empty, "{value}", name="Renswoude", decimals=0)


def test_change_in_points_for_shares():
    assert describe_change(20.7, 24.9, in_points=True) == "4,2 procentpunt minder"


def test_parse_choice_names_the_parameter():
    value, problem = parse_choice("maat", "absoluut", {"aantal": "", "per1000": ""}, "per1000")
    assert (
        value == "per1000" and "'maat'" in problem.message_nl and "absoluut" in problem.message_nl
    )


def test_parse_codes_drops_and_names_unknown_codes():
    codes, problem = parse_codes("selectie", "GM0345,GM9999", ["GM0345"])
    assert codes == ["GM0345"] and "GM9999" in problem.message_nl


def test_parse_period_reversed_range_falls_back():
    period, problems = parse_period("2022", "2019", [2018, 2019, 2020, 2021, 2022])
    assert period == (2018, 2022) and problems[0].parameter == "van"
