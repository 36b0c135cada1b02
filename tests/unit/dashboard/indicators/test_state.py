"""The pure link parser of the indicator pages: comparison groups, defaults, problems."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.indicators.catalogue import Indicator, Measure
from dashboard.indicators.state import LinkContext, comparison_group, parse_view

REGIONS = pd.DataFrame(
    {
        "municipality_code": ["NL01", "GM0351", "GM0345", "GM0327", "GM0855"],
        "municipality_name": ["Nederland", "Woudenberg", "Veenendaal", "Leusden", "Tilburg"],
        "region_kind": ["country", "municipality", "municipality", "municipality", "municipality"],
        "province_code": [None, "PV26", "PV26", "PV26", "PV30"],
        "size_class": [None, "tot 20.000", "50.000 - 100.000", "20.000 - 50.000", "tot 20.000"],
    }
)


def measure(key: str) -> Measure:
    return Measure("x", key, key, key, key, "eenheid", "{value}", 0, False, True, key == "aantal")


INDICATOR = Indicator(
    indicator="youth_care_clients",
    label="Jongeren met jeugdhulp",
    breakdown_label=None,
    headline_category="total",
    higher_is_better=False,
    parts_add_up=False,
    parts_note=None,
    definition="Def.",
    measures=(measure("per1000"), measure("aantal")),
)
CONTEXT = LinkContext(
    regions=REGIONS,
    years_by_region={"GM0351": [2018, 2019, 2020, 2021, 2022], "GM0345": [2019, 2020]},
    categories=["total", "foster_care"],
    default_code="GM0351",
)


@pytest.mark.parametrize(
    ("kind", "selection", "expected"),
    [
        ("provincie", [], ["GM0345", "GM0327"]),
        ("grootte", [], ["GM0855"]),
        ("land", [], ["GM0345", "GM0327", "GM0855"]),
        ("selectie", ["GM0855", "GM0351"], ["GM0855"]),  # never the municipality itself
    ],
)
def test_comparison_group(kind, selection, expected):
    assert comparison_group(REGIONS, "GM0351", kind, selection) == expected


def test_an_empty_link_gives_the_default_view_and_an_empty_query():
    state = parse_view(INDICATOR, {}, CONTEXT)
    assert (state.code, state.period, state.measure.key, state.detail_year) == (
        "GM0351",
        (2018, 2022),
        "per1000",
        2022,
    )
    assert state.query == {} and state.problems == []


def test_a_link_keeps_only_what_differs_from_the_defaults():
    state = parse_view(INDICATOR, {"gemeente": "GM0345", "maat": "aantal", "van": "2019"}, CONTEXT)
    assert state.query == {"gemeente": "GM0345", "maat": "aantal"}  # 2019 is GM0345's first year


def test_every_bad_parameter_is_named_and_the_default_shown():
    state = parse_view(
        INDICATOR,
        {"gemeente": "GM9999", "maat": "absoluut", "jaar": "1999", "categorie": "drop table"},
        CONTEXT,
    )
    assert state.code == "GM0351" and state.measure.key == "per1000"
    assert {p.parameter for p in state.problems} == {"gemeente", "maat", "jaar", "categorie"}
    assert state.detail_category is None
