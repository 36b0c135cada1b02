"""Meta-tests: the docs stay true to the code (settings, Quick start, CI, pages)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from dashboard.settings import Settings
from data_pipeline.settings import PipelineSettings

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_blocks() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```[a-z]*\n(.*?)```", section, flags=re.S)


@pytest.mark.parametrize(
    "field",
    sorted(
        {f.name for f in dataclasses.fields(Settings)}
        | {f.name for f in dataclasses.fields(PipelineSettings)}
    ),
)
def test_every_setting_is_in_the_readme_table(field):
    assert f"| `{field}` |" in README


def test_app_and_pipeline_agree_on_the_default_store():
    assert Settings().db_path == PipelineSettings().db_path


def test_quick_start_has_two_one_line_commands():
    blocks = quick_start_blocks()
    assert len(blocks) == 2
    assert all(len(block.strip().splitlines()) == 1 for block in blocks)
    assert "python -m dashboard" in blocks[0] and "pytest" in blocks[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert quick_start_blocks()[1].strip() in ci


def test_every_page_has_a_dutch_title_and_a_docstring():
    for module in (ROOT / "dashboard" / "pages").glob("*.py"):
        text = module.read_text(encoding="utf-8")
        if module.name == "__init__.py":
            continue
        assert text.startswith('"""'), module.name
        assert "register_page(" in text and "Sociaal Kompas" in text, module.name


def test_every_mart_states_its_grain():
    for mart in (ROOT / "sql" / "marts").glob("*.sql"):
        assert mart.read_text(encoding="utf-8").startswith("-- Grain:"), mart.name
