"""The pure link parser of the indicator pages: comparison groups, defaults, problems."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.indicators.catalogue import Indicator, Measure
from dashboard.indicators.groups import GroupIndex, find_group
from dashboard.indicators.state import LinkContext, parse_view

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


def memberships() -> pd.DataFrame:
    """Two years of CBS's classification; Woudenberg changes youth-care region in 2022."""
    rows = []
    for year in (2021, 2022):
        for code, name, province, region in (
            ("GM0351", "Woudenberg", "PV26", "JZ20" if year == 2021 else "JZ21"),
            ("GM0345", "Veenendaal", "PV26", "JZ21"),
            ("GM0327", "Leusden", "PV26", "JZ20"),
            ("GM0855", "Tilburg", "PV30", "JZ35"),
        ):
            rows += [
                (
                    year,
                    "province",
                    province,
                    "Utrecht" if province == "PV26" else "Noord-Brabant",
                    province,
                    code,
                    name,
                ),
                (year, "youth_care_region", region, region, region, code, name),
                (year, "country", "NL01", "Nederland", "NL01", code, name),
            ]
    return pd.DataFrame(
        rows,
        columns=[
            "year",
            "group_kind",
            "group_code",
            "group_label",
            "group_region_code",
            "municipality_code",
            "municipality_name",
        ],
    )


CONTEXT = LinkContext(
    regions=REGIONS,
    years_by_region={"GM0351": [2018, 2019, 2020, 2021, 2022], "GM0345": [2019, 2020]},
    categories=["total", "foster_care"],
    default_code="GM0351",
    memberships=GroupIndex(memberships()),
)


@pytest.mark.parametrize(
    ("key", "year", "selection", "name", "members"),
    [
        ("provincie", 2022, [], "provincie Utrecht", {"GM0351", "GM0345", "GM0327"}),
        ("jeugdregio", 2021, [], "jeugdregio JZ20", {"GM0351", "GM0327"}),
        ("jeugdregio", 2022, [], "jeugdregio JZ21", {"GM0351", "GM0345"}),  # that year's
        ("jeugdregio", 2015, [], "jeugdregio JZ20", {"GM0351", "GM0327"}),  # nearest year
        (
            "land",
            2022,
            [],
            "alle gemeenten van Nederland",
            {"GM0351", "GM0345", "GM0327", "GM0855"},
        ),
        ("selectie", 2022, ["GM0855"], "eigen selectie", {"GM0351", "GM0855"}),
    ],
)
def test_a_group_has_the_members_of_the_year_shown(key, year, selection, name, members):
    group = find_group(memberships(), key, "GM0351", year, selection)
    assert group.name == name and set(group.members) == members  # the municipality included


def test_the_country_and_a_province_have_their_own_published_figure_region():
    assert find_group(memberships(), "provincie", "GM0351", 2022, []).region_code == "PV26"
    assert find_group(memberships(), "jeugdregio", "GM0351", 2022, []).region_code == "JZ21"


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
