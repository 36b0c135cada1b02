"""Case files: every validation problem names file, case and field; valid files flatten."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pandas as pd
import pytest

from data_pipeline.errors import InputError
from data_pipeline.sources.case_studies import case_tables, read_cases

KNOWN = {"GM0351"}
VALID = """
case_id = "{case_id}"
name = "Testcasus"
municipality_code = "GM0351"
municipality = "Woudenberg"
province = "Utrecht"
period_start = 2018
themes = ["jeugd"]
phase = "groei"
summary = "Korte samenvatting."
basic_idea = ["Een doel."]

[source]
document = "001_x.txt"
title = "Rapport"
section = "Hoofdstuk 1"
lines = [10, 20]

[[milestones]]
date = "2018-01"
description = "Start."
marks_start = true

[[milestones]]
date = "2020"
description = "Evaluatie."

[[actors]]
name = "Gemeente"
type = "gemeente"
role = "initiatiefnemer"

[government_role]
description = "Faciliteert."
ladder = ["faciliteren"]

[[government_role.shifts]]
from_year = 2018
to_year = 2019
ladder = ["regisseren"]

[[factors]]
kind = "bevorderend"
description = "Vertrouwen."
themes = ["open_communicatie"]

[[factors]]
kind = "belemmerend"
description = "Geld."
themes = ["overig", "politieke_steun"]
"""


def write_case(folder: Path, case_id: str = "test-casus", text: str | None = None) -> Path:
    path = folder / f"{case_id}.toml"
    path.write_text(text if text is not None else VALID.format(case_id=case_id), "utf-8")
    return path


def problems_for(folder: Path) -> list[str]:
    with pytest.raises(InputError) as raised:
        read_cases(folder, KNOWN)
    return str(raised.value).splitlines()


def test_valid_case_flattens_into_tables(tmp_path):
    write_case(tmp_path)
    tables = case_tables(read_cases(tmp_path, KNOWN))
    assert tables["cases"]["case_id"].tolist() == ["test-casus"]
    milestones = tables["case_milestones"]
    assert milestones["year"].tolist() == [2018, 2020]
    assert milestones["month"].iloc[0] == 1 and pd.isna(milestones["month"].iloc[1])
    assert milestones["marks_start"].tolist() == [True, False]
    ladder = tables["case_ladder"]
    assert set(zip(ladder["step"], ladder["is_overall"], strict=True)) == {
        ("faciliteren", True),
        ("regisseren", False),
    }
    assert sorted(tables["case_factor_themes"]["theme"]) == [
        "open_communicatie",
        "overig",
        "politieke_steun",
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'ladder = ["faciliteren"]',
            'ladder = ["meebeslissen"]',
            "field 'test-casus: government_role.ladder[0]': unknown value 'meebeslissen'",
        ),
        (
            'date = "2020"',
            'date = "voorjaar 2020"',
            "field 'test-casus: milestones[1].date': needs a date as YYYY or YYYY-MM",
        ),
        (
            'municipality_code = "GM0351"',
            'municipality_code = "GM9999"',
            "field 'test-casus: municipality_code': unknown municipality code 'GM9999'",
        ),
        ('basic_idea = ["Een doel."]', "", "field 'test-casus: basic_idea': panel missing"),
        (
            'kind = "belemmerend"',
            'kind = "bevorderend"',
            "field 'test-casus: factors': panel missing: no belemmerend factor",
        ),
        (
            'type = "gemeente"',
            'type = "ministerie"',
            "field 'test-casus: actors[0].type': unknown value 'ministerie'",
        ),
        (
            'case_id = "test-casus"',
            'case_id = "andere-naam"',
            "field 'andere-naam: case_id': must equal the file name 'test-casus'",
        ),
    ],
)
def test_each_problem_names_file_case_and_field(tmp_path, old, new, expected):
    text = VALID.format(case_id="test-casus")
    assert old in text
    write_case(tmp_path, text=text.replace(old, new, 1))
    messages = problems_for(tmp_path)
    assert any(m.startswith("test-casus.toml, ") and expected in m for m in messages), messages


def test_all_problems_in_all_files_are_reported_at_once(tmp_path):
    write_case(
        tmp_path, "een", VALID.format(case_id="een").replace('phase = "groei"', 'phase = "x"')
    )
    write_case(
        tmp_path,
        "twee",
        VALID.format(case_id="twee").replace('role = "initiatiefnemer"', 'role = "baas"'),
    )
    messages = problems_for(tmp_path)
    assert any(m.startswith("een.toml") and "phase" in m for m in messages)
    assert any(m.startswith("twee.toml") and "actors[0].role" in m for m in messages)


def test_broken_toml_is_named(tmp_path):
    write_case(tmp_path, text="case_id = ")
    assert problems_for(tmp_path)[0].startswith("test-casus.toml: not valid TOML")


def test_the_shipped_cases_are_valid_and_twelve():
    root = Path(__file__).resolve().parents[2]
    known = {
        line.split(",")[0]
        for line in (root / "data" / "reference" / "municipalities.csv")
        .read_text("utf-8")
        .splitlines()
    }
    cases = read_cases(root / "data" / "cases", known)
    assert len(cases) == 12
    schans = next(c for c in cases if c["case_id"] == "de-kleine-schans")
    assert [m["date"] for m in schans["milestones"] if m.get("marks_start")] == ["2018-01"]
    for path in (root / "data" / "cases").glob("*.toml"):
        assert tomllib.loads(path.read_text("utf-8"))["case_id"] == path.stem
