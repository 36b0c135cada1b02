"""Figures the source documents state (data/documented/figures.csv), each with its own scope.

A documented figure is kept as what it is: a number a document states, with the definition the
document uses, cited by document and line. It never fills or steers an indicator's series; the
pages show it beside a series, as a point of its own. A stated change without a base year
("twee ton minder in 2022") keeps an empty base year instead of being forced onto 2021->2022.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from data_pipeline.errors import InputError, Problem
from data_pipeline.observations import SOURCE_COLUMNS, conform

REQUIRED = [
    *("indicator", "municipality_code", "year", "base_year", "value", "unit", "kind"),
    *("ref", "section", "definition_nl"),
]
REF = re.compile(r"^(\d{3}):(\d+)(?:-(\d+))?$")


def _row_problems(
    row: dict, row_number: int, file: str, known: dict[str, set[str]]
) -> list[Problem]:
    """The located problems of one row."""
    problems: list[tuple[str, str]] = []  # (field, message)
    if row["municipality_code"] not in known["regions"]:
        problems.append(
            ("municipality_code", f"onbekende gemeentecode {row['municipality_code']!r}")
        )
    if row["indicator"] not in known["indicators"]:
        problems.append(("indicator", f"onbekende indicator {row['indicator']!r}"))
    if row["kind"] not in {"level", "change"}:
        problems.append(("kind", f"onbekende soort {row['kind']!r} (level of change)"))
    match = REF.match(row["ref"])
    if not match or match.group(1) not in known["documents"]:
        problems.append(
            ("ref", f"not a citation '<document>:<line>' of a known document: {row['ref']!r}")
        )
    for column in ("year", "value"):
        if pd.isna(pd.to_numeric(row[column], errors="coerce")):
            problems.append((column, "geen getal"))
    if row["base_year"] and not row["base_year"].isdigit():
        problems.append(("base_year", "geen jaartal"))
    return [Problem(file, row_number, field, message) for field, message in problems]


def read_documented_figures(
    path: Path, *, regions: set[str], indicators: set[str], documents: set[str]
) -> pd.DataFrame:
    """All documented figures, validated row by row, with a source id per cited line."""
    frame = pd.read_csv(path, dtype="string", keep_default_na=False)
    problems = [Problem(path.name, 1, c, "kolom ontbreekt") for c in REQUIRED if c not in frame]
    if problems:
        raise InputError(problems)
    known = {"regions": regions, "indicators": indicators, "documents": documents}
    for row_number, row in enumerate(frame.to_dict("records"), start=2):
        problems += _row_problems(row, row_number, path.name, known)
    if problems:
        raise InputError(problems)
    frame["year"] = frame["year"].astype("int64")
    frame["base_year"] = pd.to_numeric(frame["base_year"].replace("", None)).astype("Int64")
    frame["value"] = frame["value"].astype("float64")
    frame["document"] = frame["ref"].str.slice(0, 3)
    frame["source_id"] = "doc:" + frame["ref"]
    return frame


def document_sources(figures: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One source record per cited document line: publisher, title, date, reference."""
    cited = figures.drop_duplicates("source_id").merge(
        documents.rename(columns={"title": "document_title"}), on="document", how="left"
    )
    records = cited.assign(
        kind="document",
        title=cited["document_title"],
        reference=cited["file"] + ", " + cited["section"] + ", regel " + cited["ref"].str[4:],
        retrieved_at="",
        licence="Citaat uit openbaar document",
        url=cited["url"],
        is_demo=False,
    )
    return conform(records, SOURCE_COLUMNS)
