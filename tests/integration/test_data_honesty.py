"""Numbers a council can defend: no recoverable hidden count, no generated value passing as real.

Built from the embedded default data (real extracts only), the demo build (plus generated
sample data), the fixture store, and the default data after replaying the recorded CBS
responses in tests/fixtures/cbs, exactly as the CLI does.
"""

from __future__ import annotations

import math
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dashboard.app import QUERY_DIR
from dashboard.store import queries
from dashboard.store.db import Store
from data_pipeline.settings import PROJECT_ROOT
from tests.conftest import fixture_settings, later_import, publish_with, work_file

REFERENCE = PROJECT_ROOT / "data" / "reference"
EXTRACTS = PROJECT_ROOT / "data" / "extracts"


def read(store: Path, sql: str, **params: object) -> pd.DataFrame:
    with duckdb.connect(str(work_file(store)), read_only=True) as connection:
        return connection.execute(sql, params).df()


def app_cells(store: Path) -> pd.DataFrame:
    """Every count the app can show for people-count indicators: as published, all regions."""
    release = Store(store, QUERY_DIR).current()
    regions = queries.regions_with_data(release)["municipality_code"].tolist()
    indicators = pd.read_csv(REFERENCE / "indicators.csv")
    people = indicators.loc[indicators["is_people_count"], "indicator"]
    return pd.concat(
        [
            queries.indicator_series(release, i, "as_published", regions, (1900, 2100))
            for i in people
        ],
        ignore_index=True,
    )


def memberships() -> dict[int, pd.DataFrame]:
    """Per year, every municipality with its province and youth-care region (CBS's own file)."""
    frame = pd.read_csv(EXTRACTS / "cbs_municipalities.csv", dtype=str)
    return {int(year): rows for year, rows in frame.groupby("year")}


def relations(cells: pd.DataFrame) -> list[tuple[tuple, list[tuple]]]:
    """Every additive relation a reader can see, written down independently of the pipeline:
    a breakdown within a region; per year, the municipalities of a province, of a youth-care
    region and of the country; the provinces of the country. Regions of the store's own
    reference list (a test store) count too."""
    categories = pd.read_csv(REFERENCE / "categories.csv")
    provinces = pd.read_csv(REFERENCE / "provinces.csv")["province_code"].tolist()
    by_year = memberships()
    found = []
    for (indicator, region, year), _ in cells.groupby(["indicator", "municipality_code", "year"]):
        parts = categories[(categories["indicator"] == indicator) & ~categories["is_total"]]
        found.append(
            (
                (indicator, region, year, "total"),
                [(indicator, region, year, c) for c in parts["category"]],
            )
        )
    listed = set(cells.loc[cells["municipality_code"].str.startswith("GM"), "municipality_code"])
    for (indicator, year, category), _ in cells.groupby(["indicator", "year", "category"]):
        members = by_year.get(int(year), pd.DataFrame(columns=["municipality_code"]))
        groups = {"NL01": members["municipality_code"].tolist()}
        for column in ("province_code", "youth_care_region_code"):
            for parent, rows in members.groupby(column):
                groups[parent] = rows["municipality_code"].tolist()
        if members.empty:  # a test store without CBS's classification: its own list
            groups = {"NL01": sorted(listed)}
        for parent, children in groups.items():
            found.append(
                (
                    (indicator, parent, year, category),
                    [(indicator, m, year, category) for m in children],
                )
            )
        found.append(
            (
                (indicator, "NL01", year, category),
                [(indicator, p, year, category) for p in provinces],
            )
        )
    return found


def subtraction_attack(cells: pd.DataFrame) -> dict[tuple, float]:
    """Recover hidden cells: solve any relation with one unknown, repeat until stuck."""
    known = {
        (r.indicator, r.municipality_code, int(r.year), r.category): float(r.value)
        for r in cells.itertuples(index=False)
        if not math.isnan(r.value)
    }
    hidden = {
        (r.indicator, r.municipality_code, int(r.year), r.category)
        for r in cells.itertuples(index=False)
        if r.cell_symbol == "x"
    }
    recovered: dict[tuple, float] = {}
    found = relations(cells)
    progress = True
    while progress:
        progress = False
        for total, parts in found:
            unknown = [cell for cell in (total, *parts) if cell not in known]
            if len(unknown) != 1:
                continue
            cell = unknown[0]
            others = sum(known[p] for p in parts if p in known)
            known[cell] = others if cell == total else known[total] - others
            if cell in hidden:
                recovered[cell] = known[cell]
            progress = True
    return recovered


def true_values(store: Path) -> dict[tuple, float]:
    """The unsuppressed cells, from the build's work file (never published)."""
    frame = read(
        store,
        "select indicator, municipality_code, year, category, value "
        "from core.int_observation_resolved where value is not null",
    )
    return {
        (r.indicator, r.municipality_code, int(r.year), r.category): float(r.value)
        for r in frame.itertuples(index=False)
    }


@pytest.mark.parametrize("store_name", ["demo_store", "store"])
def test_no_hidden_count_can_be_recovered_by_subtraction(request, store_name):
    """The attack reads the published release; a hidden cell counts as recovered when the
    subtraction gives its true value (a relation that does not hold for generated data can
    give a wrong number, which discloses nothing)."""
    store = request.getfixturevalue(store_name)
    cells = app_cells(store)
    hidden = cells[cells["cell_symbol"] == "x"]
    assert len(hidden) > 10  # the attack has something to try
    truth = true_values(store)
    recovered = {
        cell: value
        for cell, value in subtraction_attack(cells).items()
        if math.isclose(value, truth.get(cell, math.nan))
    }
    assert recovered == {}


@pytest.mark.parametrize("store_name", ["default_store", "demo_store", "fetched_store"])
def test_the_hidden_sign_says_nothing_about_the_size(request, store_name):
    cells = app_cells(request.getfixturevalue(store_name))
    hidden = cells[cells["is_suppressed"]]
    assert set(hidden["cell_symbol"]) <= {"x"} and hidden["value"].isna().all()
    shown = cells[cells["value"].notna()]
    assert not ((shown["value"] > 0) & (shown["value"] < 10)).any()


def test_a_cell_cbs_left_empty_stays_empty_and_nothing_generated_joins_the_breakdown(fetched_store):
    # 85099NED gives no number for Woudenberg's youth probation in 2023 (null in TypedDataSet).
    rows = read(
        fetched_store,
        "select category, value, cell_symbol, source_id, is_demo from core.fct_observation "
        "where indicator = 'youth_care_clients' and municipality_code = 'GM0351' and year = 2023",
    ).set_index("category")
    assert rows.loc["juvenile_probation", "cell_symbol"] == "."
    assert math.isnan(rows.loc["juvenile_probation", "value"])
    assert set(rows["source_id"]) == {"cbs:85099NED"} and not rows["is_demo"].any()


def test_a_real_count_is_not_hidden_because_of_a_generated_neighbour(fetched_store):
    # Woudenberg 2021: CBS publishes foster care 15 and nothing for youth probation. Before,
    # a generated 8 filled the probation cell and got the real 15 hidden beside it.
    value = read(
        fetched_store,
        "select value from core.fct_observation where indicator = 'youth_care_clients' "
        "and municipality_code = 'GM0351' and year = 2021 and category = 'foster_care'",
    )["value"].item()
    assert value == 15


def test_a_cbs_sentinel_stays_empty_in_spend(fetched_store):
    # 83454NED: Veenendaal 2022 jeugdreclassering is -99997 ('not available').
    rows = read(
        fetched_store,
        "select category, value, cell_symbol, is_demo from core.fct_observation "
        "where indicator = 'youth_spend_eur' and municipality_code = 'GM0345' and year = 2022",
    ).set_index("category")
    assert rows.loc["protection_probation", "cell_symbol"] == "." and not rows["is_demo"].any()


def test_no_breakdown_mixes_sources(fetched_store):
    mixed = read(
        fetched_store,
        "select indicator, municipality_code, year from core.fct_observation group by all "
        "having count(distinct source_id) > 1",
    )
    assert mixed.empty


def test_a_comparison_across_a_change_of_source_is_a_break_not_a_change(
    fetched_store, pointed_at, texts
):
    from dashboard.pages import kerncijfers

    with pointed_at(fetched_store):
        shown = texts(kerncijfers.layout(gemeente="GM0351", jaar="2021"))
    # 2021 comes from CBS 85097NED (youth-care trajectories by referrer), the number before it
    # (2018: 2019-2020 are cut off in the shipped extract) from a district table counting
    # trajectories in natura: another series, so no 'gunstig'/'ongunstig' on that pair.
    gp_card = shown.split("Verwijzingen door de huisarts", 1)[1].split("Uitgaven jeugdzorg", 1)[0]
    assert "Cijfer over 2021" in gp_card and "t.o.v. 2018: breuk in de reeks" in gp_card
    assert "(gunstig)" not in gp_card and "(ongunstig)" not in gp_card


def test_the_landing_page_opens_on_the_latest_year_with_real_numbers(
    fetched_store, pointed_at, texts
):
    from dashboard.pages import kerncijfers

    with pointed_at(fetched_store):
        shown = texts(kerncijfers.layout(gemeente="GM0351"))
    assert "Kerncijfers Woudenberg 2023" in shown  # 85099NED's last year, not the sample's 2024


def test_spend_per_young_person_divides_youth_spend_by_young_people(fetched_store):
    row = read(
        fetched_store,
        "select m.value, o.value as spend, c.value as clients, m.status "
        "from marts.mart_indicator_measure m "
        "join core.fct_observation o using (indicator, municipality_code, year, category) "
        "join core.fct_observation c "
        "on c.indicator = 'youth_care_clients' and c.category = 'total' "
        "and c.municipality_code = m.municipality_code and c.year = m.year "
        "where m.indicator = 'youth_spend_eur' and m.measure = 'per_client' "
        "and m.municipality_code = 'GM0351' and m.year = 2021 and m.category = 'total'",
    ).iloc[0]
    assert row["value"] == round(row["spend"] / row["clients"])
    assert row["status"] == "official"  # CBS spend over CBS young people: both parts real


def test_a_rate_over_a_generated_denominator_is_generated_and_names_both_sources(tmp_path):
    # A demo store: Leusden's population is generated; an import brings real volunteers. The
    # rate per 1,000 inhabitants is then generated, and its row names both sources.
    settings = fixture_settings(tmp_path)
    publish_with(settings, later_import("GM0327", "Gemeente Leusden", "2026-01-01T00:00:00"))
    rows = read(
        settings.db_path,
        "select status, source_id, denominator_source_id from marts.mart_indicator_measure "
        "where indicator = 'volunteers_registered' and measure = 'per_1000_inhabitants' "
        "and municipality_code = 'GM0327' and year = 2022 and category = 'total'",
    ).iloc[0]
    assert rows["source_id"] == "fixture:later"
    assert rows["denominator_source_id"].startswith("sample:")
    assert rows["status"] == "generated"


def test_a_documented_figure_is_never_part_of_a_series(fetched_store):
    documents = read(
        fetched_store,
        "select count(*) as n from core.fct_observation o join core.dim_source s using (source_id) "
        "where s.kind = 'document'",
    )["n"].item()
    assert documents == 0
    change = read(
        fetched_store,
        "select year, base_year from core.fct_documented_figure where figure_kind = 'change'",
    ).iloc[0]
    assert change["year"] == 2022 and pd.isna(change["base_year"])  # no base year invented


def test_every_download_row_names_place_source_and_status(fetched_store, pointed_at, panel_rows):
    from dashboard.pages import verwijzingen

    with pointed_at(fetched_store):
        layout = verwijzingen.layout(gemeente="GM0351")
    rows = panel_rows(layout, "verwijzingen-trend")
    assert rows and all(r["Plaats"] and r["Bron"] and r["Status"] for r in rows)
    statuses = {(r["Reeks"], r["Jaar"]): r["Status"] for r in rows}
    assert statuses[("Woudenberg", 2018)] == "Officieel"  # the shipped extract
    assert statuses[("Woudenberg", 2021)] == "Officieel"  # the fetched table
    assert "Gegenereerd" not in statuses.values()  # no sample data outside a demo build
