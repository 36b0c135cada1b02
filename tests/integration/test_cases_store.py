"""The shipped case files in the fixture store: expectations computed from the files themselves."""

from __future__ import annotations

import shutil
import tomllib
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from data_pipeline.checks import run_checks
from tests.conftest import component_texts, fixture_csv, work_file

CASES = Path(__file__).resolve().parents[2] / "data" / "cases"  # the shipped files
SIX_PANELS = (
    "Basisidee",
    "Mijlpalen",
    "Actoren",
    "Rol van de overheid",
    "Bevorderende factoren",
    "Belemmerende factoren",
)


def case_files() -> dict[str, dict]:
    return {p.stem: tomllib.loads(p.read_text("utf-8")) for p in sorted(CASES.glob("*.toml"))}


def query(store: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(work_file(store)), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def start_of(case: dict) -> str:
    """The README's rule: the milestone marked as start, else period_start."""
    marked = [m["date"] for m in case["milestones"] if m.get("marks_start")]
    return marked[0] if marked else str(case["period_start"])


def test_one_row_per_case_file_in_every_case_table(store):
    expected = sorted(case_files())
    for table in ("core.dim_case", "marts.mart_case_overview"):
        assert sorted(r[0] for r in query(store, f"select case_id from {table}")) == expected
    for table in ("marts.mart_case_timeline", "marts.mart_case_ladder", "marts.mart_case_panels"):
        assert (
            sorted(r[0] for r in query(store, f"select distinct case_id from {table}")) == expected
        )


def test_cases_take_municipality_and_province_from_the_reference_list(store):
    municipalities = fixture_csv("municipalities.csv").set_index("municipality_code")
    rows = query(store, "select case_id, municipality_name, province_code from core.dim_case")
    files = case_files()
    for case_id, name, province_code in rows:
        reference = municipalities.loc[files[case_id]["municipality_code"]]
        assert (name, province_code) == (reference["name"], reference["province_code"])


def test_milestones_per_case_match_the_files(store):
    expected = {case_id: len(case["milestones"]) for case_id, case in case_files().items()}
    rows = dict(query(store, "select case_id, count(*) from marts.mart_case_timeline group by 1"))
    assert rows == expected
    dates = query(store, "select case_id, date_text from marts.mart_case_timeline order by all")
    files = case_files()
    assert dates == sorted((c, m["date"]) for c, case in files.items() for m in case["milestones"])


def test_factor_matrix_counts_match_the_files(store):
    expected: Counter = Counter()
    for case_id, case in case_files().items():
        for factor in case["factors"]:
            for theme in set(factor["themes"]):
                expected[(theme, case_id, factor["kind"])] += 1
    rows = query(store, "select theme, case_id, kind, factors from marts.mart_case_factor_matrix")
    assert {(t, c, k): n for t, c, k, n in rows} == dict(expected)


def test_ladder_current_position_is_the_latest_shift_or_the_whole_case(store):
    expected = {}
    for case_id, case in case_files().items():
        role = case["government_role"]
        shifts = sorted(role.get("shifts", []), key=lambda shift: shift["from_year"])
        expected[case_id] = sorted(set(shifts[-1]["ladder"] if shifts else role["ladder"]))
    rows = query(
        store,
        "select case_id, list(step order by step) from marts.mart_case_ladder "
        "where is_current group by 1",
    )
    assert dict(rows) == expected
    earlier = dict(
        query(
            store, "select case_id, count(distinct period) from marts.mart_case_ladder group by 1"
        )
    )
    assert earlier == {
        c: max(1, len(f["government_role"].get("shifts", []))) for c, f in case_files().items()
    }


def test_every_case_cites_its_document_and_line_range(store):
    rows = query(
        store,
        "select o.case_id, s.reference, s.is_demo from marts.mart_case_overview o "
        "join core.dim_source s using (source_id)",
    )
    files = case_files()
    assert len(rows) == len(files)
    for case_id, reference, is_demo in rows:
        source = files[case_id]["source"]
        assert reference.startswith(f"{source['document']}, {source['section']}")
        assert reference.endswith(f"regels {source['lines'][0]}–{source['lines'][1]}")
        assert not is_demo


def test_case_start_dates_come_from_the_marked_milestone(in_app, release):
    from dashboard.store import queries

    files = case_files()
    overview = queries.case_overview(release)
    starts = dict(zip(overview["case_id"], overview["start_date"], strict=True))
    assert starts == {case_id: start_of(case) for case_id, case in files.items()}


def test_cooperative_start_drives_the_baseline_and_annotation(store, in_app, release):
    from dashboard.store import queries

    start = start_of(case_files()["de-kleine-schans"])
    events = queries.case_events(release, "GM0351")
    assert events.loc[events["marks_start"], "date_text"].tolist() == [start]
    baseline = query(
        store,
        "select distinct baseline_year from marts.mart_kpi_headline "
        "where municipality_code = 'GM0351'",
    )
    assert baseline == [(int(start[:4]),)]


def test_case_page_has_six_panels_source_and_indicator_links(in_app, texts):
    from dashboard.pages import casus

    page = casus.layout(case_id="de-kleine-schans")
    shown = texts(page)
    for heading in (*SIX_PANELS, "Kerncijfers uit de documenten", "Bron"):
        assert heading in shown
    source = case_files()["de-kleine-schans"]["source"]
    # the page names the document by its title; file name and lines are in the case download
    assert source["title"] in shown
    assert source["document"] not in shown and f"regels {source['lines'][0]}–" not in shown
    links = {c.href for c in _links(page)}
    assert {
        "/?gemeente=GM0351",
        "/jeugdhulp?gemeente=GM0351",
        "/vrijwilligers?gemeente=GM0351",
    } <= links


def test_case_without_indicator_data_has_no_indicator_links(in_app, texts):
    from dashboard.pages import casus

    links = {c.href for c in _links(casus.layout(case_id="wattwest"))}
    assert links == {"/casussen"}


def test_unknown_case_id_gives_the_dutch_message_and_a_way_back(in_app, texts):
    from dashboard.pages import casus

    missing = texts(casus.layout(case_id="bestaat-niet"))
    assert "Er is geen casus met de naam" in missing and "bestaat-niet" in missing
    assert "Naar alle casussen" in missing
    assert casus.page_title(case_id="bestaat-niet") == "Casus niet gevonden · Sociaal Kompas"
    assert casus.page_title(case_id="wattwest") == "WatTwest · Sociaal Kompas"


@pytest.mark.parametrize(
    ("query_parameters", "parameter"),
    [({"thema": "sport"}, "thema"), ({"trede": "meedoen"}, "trede"), ({"van": "1800"}, "van")],
)
def test_collection_names_a_bad_parameter_and_shows_every_case(
    in_app, texts, query_parameters, parameter
):
    from dashboard.pages import casussen

    shown = texts(casussen.layout(**query_parameters))
    assert "Deze link klopt niet helemaal" in shown and f" {parameter} " in shown
    assert f"{len(case_files())} van {len(case_files())} casussen" in shown


def test_collection_filter_from_the_link_keeps_only_matching_cards(in_app, texts):
    from dashboard.pages import casussen

    expected = sorted(c["name"] for c in case_files().values() if "jeugd" in c["themes"])
    page = casussen.layout(thema="jeugd")
    cards = [a for a in _walk(page) if getattr(a, "className", "") == "h-100 sk-case-card"]
    assert sorted(component_texts(card)[0] for card in cards) == expected  # the card's heading
    shown = texts(page)
    assert f"{len(expected)} van {len(case_files())} casussen" in shown


def test_checks_fail_when_a_case_lacks_a_panel(store, tmp_path):
    broken = tmp_path / "broken.duckdb"
    shutil.copy(work_file(store), broken)
    case_id = sorted(case_files())[0]
    with duckdb.connect(str(broken)) as connection:
        connection.execute(
            "delete from marts.mart_case_panels where panel = 'belemmerend' and case_id = $id",
            {"id": case_id},
        )
    failures = run_checks(broken)
    assert any("every case has all six panels" in f and case_id in f for f in failures), failures
    assert run_checks(work_file(store)) == []


def _walk(component):
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            yield from _walk(child)


def _links(component) -> list:
    return [c for c in _walk(component) if type(c).__name__ == "Link"]


def test_case_page_cites_every_statement_and_the_download_carries_the_citations(
    in_app, texts, panel_rows
):
    from dashboard.pages import casus

    page = casus.layout(case_id="kulturhus-beltrum")
    case = case_files()["kulturhus-beltrum"]
    statements = (
        len(case["basic_idea"])
        + len(case["milestones"])
        + len(case["actors"])
        + len(case["factors"])
        + len(case.get("key_figures", []))
        + 1
    )
    assert texts(page).count(" bron: ") >= statements
    rows = panel_rows(page, "casus-kulturhus-beltrum")
    assert len(rows) >= statements and all(r["Regels"] and r["Bron"] for r in rows)
    assert {r["Paneel"] for r in rows} >= {
        "Basisidee",
        "Mijlpalen",
        "Actoren",
        "Rol van de overheid",
        "Bevorderende factoren",
        "Belemmerende factoren",
    }
    assert all("Loshouden en meemaken" in r["Bron"] for r in rows)
