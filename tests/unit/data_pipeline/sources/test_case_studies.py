"""Case files: every validation problem names file, case and field; valid files flatten."""

from __future__ import annotations

import csv
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from data_pipeline.errors import InputError
from data_pipeline.observations import SOURCE_COLUMNS
from data_pipeline.settings import PROJECT_ROOT
from data_pipeline.sources.cases.loader import (
    case_sources,
    case_vocabularies,
    load_cases,
    read_cases,
)
from data_pipeline.sources.cases.tables import TABLE_COLUMNS, case_tables
from data_pipeline.sources.reference import read_reference

ROOT = PROJECT_ROOT
KNOWN = {"GM0351"}
# Only what the README requires: no neighbourhood, period_end, shifts or key figures.
MINIMAL = """
case_id = "{case_id}"
name = "Testcasus"
municipality_code = "GM0351"
municipality = "Woudenberg"
province = "Utrecht"
period_start = 2018
themes = ["jeugd"]
phase = "groei"
summary = "Korte samenvatting."

[[basic_idea]]
text = "Een doel."
ref = "001:12-14"

[source]
document = "001_x.txt"
title = "Rapport"
section = "Hoofdstuk 1"
lines = [10, 20]

[[milestones]]
date = "2018-01"
description = "Start."
ref = "001:20"

[[milestones]]
date = "2020"
description = "Evaluatie."
ref = "001:30-31; 002:4"

[[actors]]
name = "Gemeente"
type = "gemeente"
role = "initiatiefnemer"
ref = "001:15"

[government_role]
description = "Faciliteert."
ladder = ["faciliteren"]
ref = "001:16"

[[factors]]
kind = "bevorderend"
description = "Vertrouwen."
themes = ["open_communicatie"]
ref = "001:17"

[[factors]]
kind = "belemmerend"
description = "Geld."
themes = ["overig", "politieke_steun"]
ref = "001:18"
"""
SHIFTS = """
[[government_role.shifts]]
from_year = 2020
ladder = ["faciliteren", "loslaten"]
description = "Later."
ref = "001:40"

[[government_role.shifts]]
from_year = 2018
to_year = 2019
ladder = ["regisseren"]
description = "Eerst."
ref = "001:41"
"""

VOCABULARIES = case_vocabularies(PROJECT_ROOT / "data")
LADDER = VOCABULARIES["ladder_step"]
DOCUMENTS = read_reference(PROJECT_ROOT / "data", "documents")


def case_text(case_id: str = "test-casus") -> str:
    return MINIMAL.format(case_id=case_id)


def write_case(folder: Path, case_id: str = "test-casus", text: str | None = None) -> Path:
    path = folder / f"{case_id}.toml"
    path.write_text(text if text is not None else case_text(case_id), "utf-8")
    return path


def problems_for(folder: Path) -> list[str]:
    with pytest.raises(InputError) as raised:
        read_cases(folder, KNOWN, VOCABULARIES)
    assert [str(p) for p in raised.value.problems] == str(raised.value).splitlines()
    return str(raised.value).splitlines()


def test_read_cases_loads_a_minimal_valid_file(tmp_path):
    write_case(tmp_path)
    tables = case_tables(read_cases(tmp_path, KNOWN, VOCABULARIES), LADDER)
    assert tables["cases"]["case_id"].tolist() == ["test-casus"]
    assert pd.isna(tables["cases"]["period_end"].iloc[0])
    milestones = tables["case_milestones"]
    assert milestones["date_text"].tolist() == ["2018-01", "2020"]
    assert milestones["year"].tolist() == [2018, 2020]
    assert milestones["month"].iloc[0] == 1 and pd.isna(milestones["month"].iloc[1])
    assert milestones["position"].tolist() == [0, 1]
    assert tables["case_key_figures"].empty
    assert milestones["ref"].tolist() == ["001:20", "001:30-31; 002:4"]
    assert tables["case_ideas"]["idea"].tolist() == ["Een doel."]
    factor_themes = tables["case_factor_themes"]
    assert sorted(factor_themes["theme"]) == ["open_communicatie", "overig", "politieke_steun"]
    assert set(factor_themes["factor_id"]) == set(tables["case_factors"]["factor_id"])


def test_case_tables_have_the_contract_columns_even_without_cases():
    for name, frame in case_tables([], LADDER).items():
        assert list(frame.columns) == list(TABLE_COLUMNS[name]), name
        assert frame.empty


def test_marks_start_defaults_to_false_and_can_be_set_once(tmp_path):
    text = case_text().replace('date = "2018-01"', 'date = "2018-01"\nmarks_start = true')
    write_case(tmp_path, text=text)
    milestones = case_tables(read_cases(tmp_path, KNOWN, VOCABULARIES), LADDER)["case_milestones"]
    assert milestones["marks_start"].tolist() == [True, False]


def test_ladder_marks_the_latest_shift_current_and_orders_shifts_in_time(tmp_path):
    write_case(tmp_path, text=case_text() + SHIFTS)
    ladder = case_tables(read_cases(tmp_path, KNOWN, VOCABULARIES), LADDER)["case_ladder"]
    rows = list(
        zip(
            ladder["period"], ladder["step"], ladder["from_year"], ladder["is_current"], strict=True
        )
    )
    assert rows == [
        (0, "faciliteren", pd.NA, False),  # the case as a whole
        (1, "regisseren", 2018, False),  # the earlier shift, though listed second in the file
        (2, "faciliteren", 2020, True),
        (2, "loslaten", 2020, True),
    ]
    assert ladder["step_rank"].tolist() == [2, 4, 2, 1]  # loslaten = 1 ... reguleren = 5


def test_ladder_without_shifts_makes_the_whole_case_current(tmp_path):
    write_case(tmp_path)
    ladder = case_tables(read_cases(tmp_path, KNOWN, VOCABULARIES), LADDER)["case_ladder"]
    assert ladder[["period", "is_overall", "is_current"]].values.tolist() == [[0, True, True]]


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        (
            'ladder = ["faciliteren"]',
            'ladder = ["meebeslissen"]',
            "government_role.ladder[0]",
            "onbekende waarde 'meebeslissen'",
        ),
        ('date = "2020"', 'date = "voorjaar 2020"', "milestones[1].date", "'JJJJ' of 'JJJJ-MM'"),
        ('date = "2020"', 'date = "2020-13"', "milestones[1].date", "kreeg '2020-13'"),
        ('date = "2020"', "date = 2020", "milestones[1].date", "kreeg 2020"),
        ('date = "2020"\n', "", "milestones[1].date", "kreeg None"),
        (
            'municipality_code = "GM0351"',
            'municipality_code = "GM9999"',
            "municipality_code",
            "onbekende gemeentecode 'GM9999'",
        ),
        (
            'case_id = "test-casus"',
            'case_id = "andere-naam"',
            "case_id",
            "moet gelijk zijn aan de bestandsnaam 'test-casus'",
        ),
        (
            '[[basic_idea]]\ntext = "Een doel."\nref = "001:12-14"\n',
            "",
            "basic_idea",
            "paneel ontbreekt",
        ),
        ('ref = "001:20"', 'ref = "r. 20"', "milestones[0].ref", "verwacht een bronverwijzing"),
        ('ref = "001:20"', 'ref = "009:20"', "milestones[0].ref", "onbekend document '009'"),
        ('ref = "001:15"\n', "", "actors[0].ref", "verwacht een bronverwijzing"),
        ('ref = "001:18"', 'ref = "001:18-12"', "factors[1].ref", "loopt achteruit"),
        (
            'kind = "belemmerend"',
            'kind = "bevorderend"',
            "factors",
            "paneel ontbreekt: geen factor met kind = 'belemmerend'",
        ),
        (
            'kind = "bevorderend"',
            'kind = "helpend"',
            "factors[0].kind",
            "onbekende waarde 'helpend'",
        ),
        (
            'themes = ["open_communicatie"]',
            'themes = ["geluk"]',
            "factors[0].themes[0]",
            "onbekende waarde 'geluk'",
        ),
        ('themes = ["jeugd"]', 'themes = ["sport"]', "themes[0]", "onbekende waarde 'sport'"),
        ('phase = "groei"', 'phase = "bloei"', "phase", "onbekende waarde 'bloei'"),
        ('type = "gemeente"', 'type = "ministerie"', "actors[0].type", "onbekende waarde"),
        ('role = "initiatiefnemer"', 'role = "baas"', "actors[0].role", "onbekende waarde 'baas'"),
        ("lines = [10, 20]", "lines = [20, 10]", "source.lines", "[eerste, laatste]"),
        (
            "period_start = 2018",
            "period_start = 2018\nperiod_end = 2016",
            "period_end",
            "ligt voor period_start",
        ),
        ('summary = "Korte samenvatting."', 'summary = ""', "summary", "ontbreekt of is leeg"),
        ('name = "Testcasus"', 'name = "Testcasus"\nmilestone = []', "milestone", "onbekend veld"),
    ],
)
def test_each_problem_names_file_case_and_field(tmp_path, old, new, field, words):
    text = case_text()
    assert old in text
    write_case(tmp_path, text=text.replace(old, new, 1))
    case_id = "andere-naam" if "andere-naam" in new else "test-casus"
    expected = f"test-casus.toml, veld '{case_id}: {field}': "
    messages = problems_for(tmp_path)
    assert any(m.startswith(expected) and words in m for m in messages), messages


@pytest.mark.parametrize(
    ("section", "field"),
    [
        ("[[milestones]]", "milestones"),
        ("[[actors]]", "actors"),
        ("[government_role]", "government_role"),
        ("[[factors]]", "factors"),
    ],
)
def test_a_missing_panel_is_named(tmp_path, section, field):
    text = case_text()
    # Drop every table of this section (each runs up to the next blank line).
    kept = [block for block in text.split("\n\n") if not block.strip().startswith(section)]
    write_case(tmp_path, text="\n\n".join(kept))
    messages = problems_for(tmp_path)
    assert any(
        m.startswith(f"test-casus.toml, veld 'test-casus: {field}': paneel ontbreekt")
        for m in messages
    ), messages


def test_shift_and_start_problems_are_named(tmp_path):
    bad_shift = SHIFTS.replace("to_year = 2019", "to_year = 2017").replace('"regisseren"', '"x"')
    text = case_text() + bad_shift
    text = text.replace('description = "Start."', 'description = "Start."\nmarks_start = true')
    text = text.replace(
        'description = "Evaluatie."', 'description = "Evaluatie."\nmarks_start = true'
    )
    write_case(tmp_path, text=text)
    messages = problems_for(tmp_path)
    for expected in (
        "veld 'test-casus: government_role.shifts[1].to_year': 2017 ligt voor from_year 2018",
        "veld 'test-casus: government_role.shifts[1].ladder[0]': onbekende waarde 'x'",
        "veld 'test-casus: milestones': 2 mijlpalen hebben marks_start = true",
    ):
        assert any(expected in m for m in messages), (expected, messages)


def test_all_problems_in_all_files_are_reported_at_once(tmp_path):
    broken = case_text("een").replace('phase = "groei"', 'phase = "x"')
    write_case(tmp_path, "een", broken.replace('date = "2020"', 'date = "ooit"'))
    write_case(
        tmp_path, "twee", case_text("twee").replace('role = "initiatiefnemer"', 'role = "baas"')
    )
    write_case(tmp_path, "drie")  # valid: reported problems are only the others'
    messages = problems_for(tmp_path)
    assert len(messages) == 3
    assert any(m.startswith("een.toml, veld 'een: phase'") for m in messages)
    assert any(m.startswith("een.toml, veld 'een: milestones[1].date'") for m in messages)
    assert any(m.startswith("twee.toml, veld 'twee: actors[0].role'") for m in messages)


def test_duplicate_case_ids_are_named(tmp_path):
    write_case(tmp_path, "a-casus", case_text("b-casus"))
    write_case(tmp_path, "b-casus")
    messages = problems_for(tmp_path)
    assert any(
        m.startswith("b-casus.toml, veld 'b-casus: case_id': dubbel: a-casus.toml")
        for m in messages
    ), messages


def test_broken_toml_is_named(tmp_path):
    write_case(tmp_path, text="case_id = ")
    assert problems_for(tmp_path)[0].startswith("test-casus.toml: geen geldig TOML-bestand")


def test_case_sources_follow_the_source_contract(tmp_path):
    write_case(tmp_path)
    sources = case_sources(read_cases(tmp_path, KNOWN, VOCABULARIES), DOCUMENTS)
    assert list(sources.columns) == list(SOURCE_COLUMNS)
    row = sources.iloc[0]
    assert row["source_id"] == "case:test-casus" and row["kind"] == "document"
    assert row["publisher"] == DOCUMENTS.set_index("document").loc["001", "publisher"]
    assert row["published_on"] == "2021-03-23"  # the document's date, not 'datum onbekend'
    assert row["reference"] == "001_x.txt, Hoofdstuk 1, regels 10–20"
    assert row["licence"] == "Citaat uit openbaar document" and not row["is_demo"]


def test_load_cases_reads_the_cases_folder_of_the_data_dir(tmp_path):
    (tmp_path / "cases").mkdir()
    (tmp_path / "reference").mkdir()
    for name in ("vocabularies.csv", "documents.csv"):
        (tmp_path / "reference" / name).write_bytes(
            (PROJECT_ROOT / "data" / "reference" / name).read_bytes()
        )
    write_case(tmp_path / "cases")
    settings = SimpleNamespace(data_dir=tmp_path)
    municipalities = pd.DataFrame({"municipality_code": ["GM0351"]})
    tables = load_cases(settings, municipalities)  # type: ignore[arg-type]
    assert tables["cases"]["case_id"].tolist() == ["test-casus"]
    assert tables["sources"]["source_id"].tolist() == ["case:test-casus"]


def test_the_shipped_case_files_are_valid():
    with (ROOT / "data" / "extracts" / "cbs_municipalities.csv").open(encoding="utf-8") as handle:
        known = {row["municipality_code"] for row in csv.DictReader(handle)}
    paths = sorted((ROOT / "data" / "cases").glob("*.toml"))
    cases = read_cases(ROOT / "data" / "cases", known, VOCABULARIES)
    assert [case["case_id"] for case in cases] == [path.stem for path in paths]
    for path in paths:
        data = tomllib.loads(path.read_text("utf-8"))
        assert sum(bool(m.get("marks_start")) for m in data["milestones"]) <= 1, path.name
