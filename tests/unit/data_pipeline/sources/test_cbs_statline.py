"""CBS StatLine parsing: keys by title, padded keys, periods, missing values, categories."""

from __future__ import annotations

import math

import pytest

from data_pipeline.errors import SourceError
from data_pipeline.sources.cbs_registry import REFERRERS, TableSpec, tables
from data_pipeline.sources.cbs_statline import (
    clean_value,
    map_category,
    measure_key,
    parse_rows,
    period_year,
)

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
SPEC = TableSpec(
    "t",
    "T1",
    "youth_care_trajectories",
    "Begonnen jeugdhulptrajecten",
    category_dimension="VerwijzerJeugdzorg",
    category_map=REFERRERS,
)
TITLES = {
    "VerwijzerJeugdzorg": {
        "T001": "Totaal",
        "A1": "Huisarts",
        "A2": "Geen verwijzer",
        "A3": "Verwijzer onbekend",
        "A9": "Iets nieuws",
    }
}


def row(category: str, value: object, period: str = "2022JJ00", region: str = "GM0351    "):
    return {
        "ID": 0,
        "VerwijzerJeugdzorg": category.ljust(8),
        "RegioS": region,
        "Perioden": period,
        "Jeugdhulptrajecten_1": 999,
        "BegonnenJeugdhulptrajecten_7": value,
    }


def test_measure_is_found_by_title_whatever_its_number():
    assert measure_key(PROPERTIES, "Begonnen jeugdhulptrajecten", "T1") == (
        "BegonnenJeugdhulptrajecten_7"
    )


def test_missing_measure_title_names_the_table():
    with pytest.raises(SourceError, match="T1: no measure titled 'Vrijwilligerswerk'"):
        measure_key(PROPERTIES, "Vrijwilligerswerk", "T1")


@pytest.mark.parametrize(
    ("period", "year"),
    [("2019JJ00", 2019), ("2024MM01", None), ("2022HJ01", None), ("2021KW02", None)],
)
def test_only_year_periods_are_used(period, year):
    assert period_year(period) == year


@pytest.mark.parametrize("raw", [None, ".", "", "   ", -99995, -99997.0, "-99999", "x"])
def test_missing_markers_become_nan(raw):
    assert math.isnan(clean_value(raw))


@pytest.mark.parametrize(("raw", "value"), [(12, 12.0), ("    38.0", 38.0), ("7,5", 7.5)])
def test_numbers_in_typed_and_untyped_form(raw, value):
    assert clean_value(raw) == value


def test_categories_map_by_key_then_title():
    assert map_category(SPEC, "A1      ", TITLES["VerwijzerJeugdzorg"]) == "gp"
    assert map_category(SPEC, "A9", TITLES["VerwijzerJeugdzorg"]) is None


def test_parse_rows_strips_keys_sums_many_to_one_and_flags_provisional():
    rows = [
        row("T001", 100),
        row("A1", 30),
        row("A2", 5),
        row("A3", 10),
        row("A9", 55),
        row("A1", 28, period="2023JJ00"),
        row("A1", 1, period="2023MM01"),
    ]
    frame = parse_rows(SPEC, rows, PROPERTIES, TITLES, provisional={"2023JJ00"})
    values = {(r.year, r.category): (r.value, r.is_provisional) for r in frame.itertuples()}
    assert values == {
        (2022, "total"): (100.0, False),
        (2022, "gp"): (30.0, False),
        (2022, "other_none"): (15.0, False),  # 5 + 10
        (2023, "gp"): (28.0, True),
    }
    assert set(frame["municipality_code"]) == {"GM0351"}


def test_sum_with_a_missing_part_stays_missing_but_is_kept_as_not_published():
    frame = parse_rows(SPEC, [row("A2", 5), row("A3", None)], PROPERTIES, TITLES, set())
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
        parse_rows(SPEC, broken, PROPERTIES, TITLES, set())


def test_registry_selection_and_unknown_table():
    assert [t.table_id for t in tables({"85097NED"})] == ["85097NED"]
    with pytest.raises(KeyError, match="99999NED"):
        tables({"99999NED"})
