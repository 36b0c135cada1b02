"""Practice cases from data/cases/*.toml: validated, flattened into raw tables, with sources.

Every problem in every file is collected and reported at once, naming file, case and field
(e.g. "wattwest.toml, field 'wattwest: milestones[2].date': ..."); the checks live in
case_validation.py, the flattening in case_tables.py. See data/cases/README.md for the format.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pandas as pd

from data_pipeline.errors import InputError, Problem
from data_pipeline.observations import SOURCE_COLUMNS, conform
from data_pipeline.settings import PipelineSettings
from data_pipeline.sources import reference
from data_pipeline.sources.cases.tables import case_tables
from data_pipeline.sources.cases.validation import Vocabularies, validate_case


def read_cases(
    folder: Path, known_municipalities: set[str], vocabularies: Vocabularies
) -> list[dict[str, Any]]:
    """Every case file in `folder`, validated; raises one InputError listing all problems."""
    problems: list[Problem] = []
    cases: list[dict[str, Any]] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as broken:
            problems.append(Problem(path.name, None, None, f"geen geldig TOML-bestand: {broken}"))
            continue
        case_id = validate_case(path, data, known_municipalities, vocabularies, problems)
        if case_id in seen:
            message = f"dubbel: {seen[case_id]} heeft dezelfde case_id"
            problems.append(Problem(path.name, None, f"{case_id}: case_id", message))
        seen.setdefault(case_id, path.name)
        cases.append(data)
    if problems:
        raise InputError(problems)
    return cases


def case_sources(cases: list[dict], documents: pd.DataFrame) -> pd.DataFrame:
    """One source record per case: its main document (publisher, date), section and lines."""
    by_number = documents.set_index("document")
    rows = []
    for case in cases:
        source = case["source"]
        first, last = source["lines"]
        number = source["document"][:3]
        document = by_number.loc[number] if number in by_number.index else None
        rows.append(
            {
                "source_id": f"case:{case['case_id']}",
                "kind": "document",
                "publisher": document["publisher"] if document is not None else "Brondocument",
                "title": source["title"],
                "reference": f"{source['document']}, {source['section']}, regels {first}–{last}",
                "published_on": source.get("published_on")
                or (document["published_on"] if document is not None else ""),
                "retrieved_at": "",
                "licence": "Citaat uit openbaar document",
                "url": "",
                "is_demo": False,
            }
        )
    return conform(pd.DataFrame(rows, columns=list(SOURCE_COLUMNS)), SOURCE_COLUMNS)


def case_vocabularies(data_dir: Path) -> dict[str, tuple[str, ...]]:
    """The vocabularies a case file may use, plus the known document numbers."""
    rows = reference.read_reference(data_dir, "vocabularies")
    vocabularies = {
        name: tuple(group.sort_values("sort_order")["code"])
        for name, group in rows.groupby("vocabulary")
    }
    vocabularies["document"] = tuple(reference.read_reference(data_dir, "documents")["document"])
    return vocabularies


def load_cases(settings: PipelineSettings, municipalities: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Loader: the case files in <data dir>/cases as raw tables plus their source records."""
    vocabularies = case_vocabularies(settings.data_dir)
    known = set(municipalities["municipality_code"])
    cases = read_cases(settings.data_dir / "cases", known, vocabularies)
    documents = reference.read_reference(settings.data_dir, "documents")
    return {
        **case_tables(cases, vocabularies["ladder_step"]),
        "sources": case_sources(cases, documents),
    }
