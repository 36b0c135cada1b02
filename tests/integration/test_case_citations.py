"""Every statement in the case files cites lines of a source document, and the lines hold it.

Runs when the documents are beside the project (../shared/seeds, as in CI); skips otherwise.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pandas as pd
import pytest
from num2words import num2words

from tests.conftest import PROJECT_ROOT, SHARED

SEEDS = SHARED / "seeds"
CASES = sorted((PROJECT_ROOT / "data" / "cases").glob("*.toml"))
MAX_RANGE = 120  # lines: a citation points at the statement, not at a chapter

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="source documents not present")


@pytest.fixture(scope="module")
def documents() -> dict[str, list[str]]:
    files = pd.read_csv(PROJECT_ROOT / "data" / "reference" / "documents.csv", dtype=str)
    return {
        row.document: (SEEDS / row.file).read_text("utf-8", errors="replace").splitlines()
        for row in files.itertuples(index=False)
    }


def items(case: dict) -> list[tuple[str, dict, object, object]]:
    """(where, entry, year to find, number to find) for every cited statement of a case."""
    found = [(f"basic_idea[{i}]", e, None, None) for i, e in enumerate(case["basic_idea"])]
    found += [
        (f"milestones[{i}]", e, e["date"][:4], None) for i, e in enumerate(case["milestones"])
    ]
    found += [(f"actors[{i}]", e, None, None) for i, e in enumerate(case["actors"])]
    found += [(f"factors[{i}]", e, None, None) for i, e in enumerate(case["factors"])]
    found += [
        (f"key_figures[{i}]", e, e.get("year"), e["value"])
        for i, e in enumerate(case.get("key_figures", []))
    ]
    role = case["government_role"]
    found.append(("government_role", role, None, None))
    found += [
        (f"government_role.shifts[{i}]", e, e["from_year"], None)
        for i, e in enumerate(role.get("shifts", []))
    ]
    return found


def cited_lines(ref: str, documents: dict[str, list[str]]) -> tuple[str, list[str]]:
    """The text of every cited range, and the problems with the ranges themselves."""
    text, problems = [], []
    for part in (p.strip() for p in ref.split(";")):
        match = re.fullmatch(r"(\d{3}):(\d+)(?:-(\d+))?", part)
        if not match or match.group(1) not in documents:
            problems.append(f"not a citation of a known document: {part!r}")
            continue
        lines = documents[match.group(1)]
        first, last = int(match.group(2)), int(match.group(3) or match.group(2))
        if not 1 <= first <= last <= len(lines):
            problems.append(f"{part} is outside the document ({len(lines)} lines)")
        elif last - first > MAX_RANGE:
            problems.append(f"{part} spans more than {MAX_RANGE} lines")
        text += lines[first - 1 : last]
    return "\n".join(text), problems


def number_forms(value: float) -> set[str]:
    """How a document may write a number: 1250, 1.250, 19,55, 'twaalf', 'twee ton'."""
    if not float(value).is_integer():
        return {repr(float(value)), repr(float(value)).replace(".", ",")}
    number = int(value)
    forms = {str(number), f"{number:,}".replace(",", "."), f"{number:,}".replace(",", " ")}
    forms.add(num2words(number, lang="nl"))
    if number and number % 100_000 == 0:
        forms.add(f"{num2words(number // 100_000, lang='nl')} ton")
    if number and number % 1_000_000 == 0:
        forms |= {
            f"{number // 1_000_000} miljoen",
            f"{num2words(number // 1_000_000, lang='nl')} miljoen",
        }
    return forms


def states(text: str, value: float) -> bool:
    low = text.lower()
    return any(
        re.search(r"(?<![\d.,])" + re.escape(form.lower()) + r"(?![\d]|,\d)", low)
        for form in number_forms(value)
    )


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_every_statement_cites_lines_that_hold_it(path: Path, documents):
    case = tomllib.loads(path.read_text("utf-8"))
    problems = []
    for where, entry, year, number in items(case):
        if not entry.get("ref"):
            problems.append(f"{where}: no citation")
            continue
        text, range_problems = cited_lines(entry["ref"], documents)
        problems += [f"{where}: {p}" for p in range_problems]
        if year is not None and str(year) not in text and not entry.get("note"):
            problems.append(f"{where}: {year} is not in the cited lines and no note derives it")
        if number is not None and not states(text, number):
            problems.append(f"{where}: {number} is not in the cited lines {entry['ref']}")
    assert problems == []


def test_at_least_95_percent_of_items_cite_their_own_lines():
    counted = [
        bool(entry.get("ref"))
        for path in CASES
        for _, entry, _, _ in items(tomllib.loads(path.read_text("utf-8")))
    ]
    assert sum(counted) / len(counted) >= 0.95, f"{sum(counted)} of {len(counted)}"


def test_every_case_says_which_readings_were_chosen():
    for path in CASES:
        notes = tomllib.loads(path.read_text("utf-8"))["source"].get("reading_notes", "")
        assert len(notes) > 40, path.name
