"""CBS StatLine parsing: keys resolved by title, filters, unaccounted dimensions, periods,
missing values, summed categories and their checks."""

from __future__ import annotations

import math

import pytest

from data_pipeline.errors import SourceError
from data_pipeline.sources.cbs.layout import measure_key, resolve_layout
from data_pipeline.sources.cbs.registry import REFERRERS, TableFamily, tables
from data_pipeline.sources.cbs.statline import clean_value, parse_rows, period_year

PROPERTIES = [
    {"Type": "Dimension", "Key": "VerwijzerJeugdzorg", "Title": "Verwijzer"},
    {"Type": "GeoDimension", "Key": "RegioS", "Title": "Regio's"},
    {"Type": "TimeDimension", "Key": "Perioden", "Title": "Perioden"},
    {"Type": "Topic", "Key": "Jeugdhulptrajecten_1", "Title": "Jeugdhulptrajecten"},
    {
        "Type": "Topic",
        "Key": "BegonnenJeugdhulptrajecten_7",
        "Title": "Begonnen jeugdhulptrajecten",
    },
]
FAMILY = TableFamily(
    "t", ("T1",), "youth_care_trajectories", "Begonnen jeugdhulptrajecten", category_map=REFERRERS
)
ENTITIES = {
    "VerwijzerJeugdzorg": [
        {"Key": "T001  ", "Title": "Totaal"},
        {"Key": "A1    ", "Title": "Huisarts"},
        {"Key": "A2    ", "Title": "Geen verwijzer"},
        {"Key": "A3    ", "Title": "Verwijzer onbekend"},
        {"Key": "A9    ", "Title": "Iets nieuws"},
    ]
}
LAYOUT = resolve_layout(FAMILY, "T1", PROPERTIES, ENTITIES)


def row(category: str, value: object, period: str = "2022JJ00", region: str = "GM0351    ") -> dict:
    return {
        "ID": 0,
        "VerwijzerJeugdzorg": category.ljust(6),
        "RegioS": region,
        "Perioden": period,
        "Jeugdhulptrajecten_1": 999,
        "BegonnenJeugdhulptrajecten_7": value,
    }


def test_measure_is_found_by_title_whatever_its_number():
    assert (
        measure_key(PROPERTIES, "Begonnen jeugdhulptrajecten", "T1")
        == "BegonnenJeugdhulptrajecten_7"
    )
    with pytest.raises(SourceError, match="T1: no measure titled 'Wachttijd'"):
        measure_key(PROPERTIES, "Wachttijd", "T1")


def test_layout_maps_categories_by_title_and_skips_unknown_ones():
    assert LAYOUT.categories == {
        "T001": "total",
        "A1": "gp",
        "A2": "other_none",
        "A3": "other_none",
    }
    assert (LAYOUT.region, LAYOUT.period, LAYOUT.breakdown) == (
        "RegioS",
        "Perioden",
        "VerwijzerJeugdzorg",
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, math.nan),
        (".", math.nan),
        ("   38.0", 38.0),
        ("12,5", 12.5),
        (-99997, math.nan),
        (7, 7.0),
        ("inf", math.nan),
        (float("nan"), math.nan),
    ],
)
def test_clean_value_handles_every_missing_marker(raw, expected):
    value = clean_value(raw)
    assert (math.isnan(value) and math.isnan(expected)) or value == expected


@pytest.mark.parametrize(
    ("period", "year"), [("2019JJ00", 2019), ("2024MM01", None), ("2023HJ01", None)]
)
def test_only_whole_years_are_read(period, year):
    assert period_year(period) == year


def test_categories_mapped_to_one_of_ours_are_summed_and_padding_stripped():
    frame = parse_rows(
        FAMILY, LAYOUT, [row("A2", 5), row("A3", 10), row("A1", 80), row("A9", 3)], set()
    )
    values = dict(zip(frame["category"], frame["value"], strict=True))
    assert values == {"other_none": 15, "gp": 80}
    assert frame["municipality_code"].unique().tolist() == ["GM0351"]


def test_sum_with_a_missing_part_stays_missing_but_is_kept_as_not_published():
    frame = parse_rows(FAMILY, LAYOUT, [row("A2", 5), row("A3", None)], set())
    assert len(frame) == 1 and frame["value"].isna().all()  # a fact: CBS published no number


def test_changed_structure_names_the_table():
    broken = [
        {
            "ID": 0,
            "Regio": "GM0351",
            "Perioden": "2022JJ00",
            "BegonnenJeugdhulptrajecten_7": 1,
            "VerwijzerJeugdzorg": "A1",
        }
    ]
    with pytest.raises(SourceError, match="T1: rows lack column"):
        parse_rows(FAMILY, LAYOUT, broken, set())


def test_a_dimension_neither_filtered_nor_the_breakdown_is_refused_by_name():
    extra = [*PROPERTIES, {"Type": "Dimension", "Key": "Geslacht", "Title": "Geslacht"}]
    with pytest.raises(SourceError, match="T1: .*Geslacht neither filtered nor the breakdown"):
        resolve_layout(FAMILY, "T1", extra, ENTITIES)


def test_a_filter_value_is_resolved_by_title_or_named_when_missing():
    family = TableFamily(
        "p",
        ("P1",),
        "population",
        "Jongeren met jeugdzorg",
        filters={"Geslacht": "Totaal mannen en vrouwen"},
    )
    properties = [
        *PROPERTIES[1:3],
        {"Type": "Topic", "Key": "J_1", "Title": "Jongeren met jeugdzorg"},
        {"Type": "Dimension", "Key": "Geslacht", "Title": "Geslacht"},
    ]
    entities = {
        "Geslacht": [
            {"Key": "T001038", "Title": "Totaal mannen en vrouwen"},
            {"Key": "3000", "Title": "Mannen"},
        ]
    }
    assert resolve_layout(family, "P1", properties, entities).filters == {"Geslacht": "T001038"}
    with pytest.raises(
        SourceError, match="P1: filter Geslacht = 'Totaal mannen en vrouwen' not found"
    ):
        resolve_layout(family, "P1", properties, {"Geslacht": entities["Geslacht"][1:]})


def test_registry_selection_by_key_or_any_edition_and_unknown_table():
    assert [t.key for t in tables({"50150NED"})] == ["rivm_volunteering"]
    assert [t.key for t in tables({"85099NED"})] == ["cbs_youth_care"]
    with pytest.raises(KeyError, match="99999NED"):
        tables({"99999NED"})
