"""Figures the source documents state, each cited by document, section and line."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data_pipeline.errors import InputError, Problem
from data_pipeline.observations import ObservationBatch

REQUIRED = [
    "indicator",
    "municipality_code",
    "year",
    "category",
    "value",
    "unit",
    "kind",
    "publisher",
    "document",
    "title",
    "published_on",
    "section",
    "line",
    "description",
]


def read_documented_figures(path: Path, known_municipalities: set[str]) -> pd.DataFrame:
    """All documented figures (levels and changes), validated row by row."""
    frame = pd.read_csv(path, dtype="string", keep_default_na=False)
    problems = [Problem(path.name, 1, c, "missing column") for c in REQUIRED if c not in frame]
    if problems:
        raise InputError(problems)
    for row_number, row in enumerate(frame.itertuples(index=False), start=2):
        if row.municipality_code not in known_municipalities:
            problems.append(
                Problem(
                    path.name,
                    row_number,
                    "municipality_code",
                    f"unknown code {row.municipality_code!r}",
                )
            )
        if row.kind not in {"level", "change"}:
            problems.append(Problem(path.name, row_number, "kind", f"unknown kind {row.kind!r}"))
        for column in ("year", "value", "line"):
            if pd.isna(pd.to_numeric(getattr(row, column), errors="coerce")):
                problems.append(Problem(path.name, row_number, column, "not a number"))
    if problems:
        raise InputError(problems)
    frame["year"] = frame["year"].astype("int64")
    frame["value"] = frame["value"].astype("float64")
    frame["line"] = frame["line"].astype("int64")
    frame["source_id"] = (
        "doc:" + frame["document"].str.slice(0, 3) + ":" + frame["line"].astype(str)
    )
    return frame


def documented_levels_batch(figures: pd.DataFrame) -> ObservationBatch:
    """The documented levels as observations (changes are not levels and stay out)."""
    levels = figures[figures["kind"] == "level"].copy()
    levels["is_demo"] = False
    levels["is_provisional"] = False
    sources = figures.drop_duplicates("source_id").assign(
        kind="document",
        reference=lambda f: (
            f["document"] + ", " + f["section"] + ", regel " + f["line"].astype(str)
        ),
        retrieved_at="",
        licence="Citaat uit openbaar document",
        url="",
        is_demo=False,
    )
    return ObservationBatch(levels, sources)
