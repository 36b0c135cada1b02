"""The shipped real-data extracts: rebuilt from the public files, identical; small; complete."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from data_pipeline import extracts
from data_pipeline.sources.open_data import OBSERVATION_FILES
from tests.conftest import PROJECT_ROOT, SHARED

REAL = SHARED / "data" / "real"
SHIPPED = PROJECT_ROOT / "data" / "extracts"
REFERENCE = PROJECT_ROOT / "data" / "reference"


@pytest.mark.skipif(not REAL.is_dir(), reason="the public source files are not present")
def test_the_extracts_rebuild_identically_from_the_public_files(tmp_path):
    pytest.importorskip("shapely")
    written = extracts.rebuild(REAL, tmp_path)
    assert {p.name for p in written} == {
        p.name for p in SHIPPED.iterdir() if p.name != "PROVENANCE.md"
    }
    for path in written:
        assert path.read_bytes() == (SHIPPED / path.name).read_bytes(), path.name


def test_the_extracts_are_small_and_keep_only_what_the_store_uses():
    sizes = {p.name: p.stat().st_size for p in SHIPPED.iterdir()}
    assert sum(sizes.values()) < 1_200_000, sizes
    outlines = json.loads((SHIPPED / "gemeenten_2022.geojson").read_text("utf-8"))
    assert len(outlines["features"]) == 345
    assert set(outlines["features"][0]["properties"]) == {"statcode", "statnaam"}
    categories = pd.read_csv(REFERENCE / "categories.csv")
    declared = {f"{r.indicator}:{r.category}" for r in categories.itertuples()} | set(
        categories["indicator"]
    )
    for name in OBSERVATION_FILES:
        columns = pd.read_csv(SHIPPED / name, nrows=0).columns
        assert list(columns[:3]) == ["region_code", "year", "table_id"]
        assert set(columns[3:]) <= declared, name  # every series is in the catalogue


def test_every_table_the_extracts_cite_is_described():
    tables = pd.read_csv(SHIPPED / "tables.csv")
    cited = set()
    for name in (*OBSERVATION_FILES, "cbs_municipalities.csv", "extract_gaps.csv"):
        cited |= set(pd.read_csv(SHIPPED / name, usecols=["table_id"])["table_id"])
    assert cited <= set(tables["table_id"])
    assert tables["publisher"].notna().all() and tables["retrieved_at"].notna().all()


def test_every_municipality_of_every_year_is_in_the_youth_care_extract():
    regions = pd.read_csv(SHIPPED / "cbs_municipalities.csv")
    youth = pd.read_csv(SHIPPED / "cbs_youth_care.csv")
    for year in range(2015, 2024):
        expected = set(regions.loc[regions["year"] == year, "municipality_code"])
        present = set(youth.loc[youth["year"] == year, "region_code"])
        assert expected <= present, (year, sorted(expected - present)[:5])


def test_every_ended_municipality_names_a_successor_whose_population_adds_up():
    """Whole mergers keep their inhabitants: predecessors + successor before = successor after."""
    regions = pd.read_csv(SHIPPED / "cbs_municipalities.csv")
    successors = pd.read_csv(REFERENCE / "municipality_successors.csv")
    population = {(r.municipality_code, r.year): r.population for r in regions.itertuples()}
    last = regions.groupby("municipality_code")["year"].max()
    ended = set(last[last < regions["year"].max()].index)
    assert ended == set(successors["municipality_code"])
    for row in successors.itertuples():
        assert row.first_year_in_successor == last[row.municipality_code] + 1, row
    splits = set(
        successors.loc[successors.duplicated("municipality_code", keep=False), "municipality_code"]
    )
    for (successor, year), group in successors.groupby(
        ["successor_code", "first_year_in_successor"]
    ):
        if set(group["municipality_code"]) & splits:
            continue  # a split hands over part of a municipality: no sum to check
        before = sum(population.get((code, year - 1), 0) for code in group["municipality_code"])
        before += population.get((successor, year - 1), 0)
        assert abs(population[(successor, year)] / before - 1) < 0.025, (successor, year)
