"""The shipped case files in the fixture store: counts and links computed from the files."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import duckdb

from tests.unit.test_kpi_card import texts

CASES = Path(__file__).resolve().parents[2] / "data" / "cases"


def case_files() -> dict[str, dict]:
    return {p.stem: tomllib.loads(p.read_text("utf-8")) for p in CASES.glob("*.toml")}


def query(store: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(store), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def test_one_overview_row_per_case_file(store):
    assert sorted(r[0] for r in query(store, "select case_id from marts.mart_case_overview")) == (
        sorted(case_files())
    )


def test_milestones_per_case_match_the_files(store):
    expected = {case_id: len(case["milestones"]) for case_id, case in case_files().items()}
    rows = dict(query(store, "select case_id, count(*) from marts.mart_case_timeline group by 1"))
    assert rows == expected


def test_factor_matrix_counts_match_the_files(store):
    expected: Counter = Counter()
    for case_id, case in case_files().items():
        for factor in case["factors"]:
            for theme in factor["themes"]:
                expected[(theme, case_id, factor["kind"])] += 1
    rows = query(store, "select theme, case_id, kind, factors from marts.mart_case_factor_matrix")
    assert {(t, c, k): n for t, c, k, n in rows} == dict(expected)


def test_every_case_cites_its_document(store):
    rows = query(
        store,
        "select o.case_id, s.reference from marts.mart_case_overview o "
        "join core.dim_source s using (source_id)",
    )
    files = case_files()
    for case_id, reference in rows:
        source = files[case_id]["source"]
        assert reference.startswith(source["document"])
        assert f"regels {source['lines'][0]}–{source['lines'][1]}" in reference


def test_cooperative_start_drives_the_baseline_and_annotation(store, dash_app):
    from dashboard import queries

    schans = case_files()["de-kleine-schans"]
    start = next(m["date"] for m in schans["milestones"] if m.get("marks_start"))
    events = queries.case_events("GM0351")
    assert events.loc[events["marks_start"], "date_text"].tolist() == [start]
    assert sorted(events["date_text"]) == sorted(m["date"] for m in schans["milestones"])
    baseline = query(
        store,
        "select distinct baseline_year from marts.mart_headline_kpi "
        "where municipality_code = 'GM0351'",
    )
    assert baseline == [(int(start[:4]),)]


def test_case_page_has_six_panels_and_the_unknown_id_message(dash_app):
    from dashboard.pages import casus

    shown = " ".join(texts(casus.layout(case_id="wattwest")))
    for heading in (
        "Basisidee",
        "Mijlpalen",
        "Actoren",
        "Rol van de overheid",
        "Bevorderende factoren",
        "Belemmerende factoren",
        "Bron",
    ):
        assert heading in shown
    missing = " ".join(texts(casus.layout(case_id="bestaat-niet")))
    assert (
        "Er is geen casus met de naam 'bestaat-niet'" in missing and "Naar alle casussen" in missing
    )
