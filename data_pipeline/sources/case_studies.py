"""Practice cases from data/cases/*.toml: validated, then flattened into raw tables.

Every problem in every file is collected and reported at once, naming file, case and field
(e.g. "wattwest.toml, field 'wattwest: milestones[2].date': ..."); the checks live in
case_validation.py. See data/cases/README.md for the format.
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
from data_pipeline.sources.case_validation import DATE, Vocabularies, validate_case

# Publisher and publication date of the source documents in shared/seeds, keyed by the file's
# number prefix; a date only where the document states a full one.
DOCUMENTS = {
    "000": ("Binnema en Scheijmans (essay)", ""),
    "001": ("Hogeschool Utrecht / USBO / kUS", "2021-03-23"),
    "002": ("VNG Magazine", "2023-10-13"),
    "003": ("Verwey-Jonker Instituut", ""),
    "004": ("Platform31 / Tilburg University", ""),
}

TABLE_COLUMNS: dict[str, dict[str, str]] = {
    "cases": {
        "case_id": "string",
        "name": "string",
        "municipality_code": "string",
        "municipality": "string",
        "neighbourhood": "string",
        "province": "string",
        "period_start": "Int64",
        "period_end": "Int64",
        "phase": "string",
        "summary": "string",
        "government_description": "string",
        "source_id": "string",
        "document": "string",
        "section": "string",
        "line_first": "Int64",
        "line_last": "Int64",
        "reading_notes": "string",
    },
    "case_themes": {"case_id": "string", "theme": "string"},
    "case_ideas": {"case_id": "string", "position": "Int64", "idea": "string"},
    "case_milestones": {
        "case_id": "string",
        "position": "Int64",  # sort order: the order of the file
        "date_text": "string",  # 'YYYY' or 'YYYY-MM', as the document gives it
        "year": "Int64",
        "month": "Int64",  # null for year-only dates
        "description": "string",
        "marks_start": "bool",
    },
    "case_actors": {
        "case_id": "string",
        "position": "Int64",
        "name": "string",
        "type": "string",
        "role": "string",
        "description": "string",
    },
    "case_ladder": {
        "case_id": "string",
        "step": "string",
        "step_rank": "Int64",  # 1 = loslaten ... 5 = reguleren
        "period": "Int64",  # 0 = the case as a whole; 1.. = the dated shifts in time order
        "from_year": "Int64",
        "to_year": "Int64",
        "description": "string",
        "is_overall": "bool",
        "is_current": "bool",  # the latest dated position, or the whole-case one if undated
    },
    "case_factors": {
        "case_id": "string",
        "factor_id": "string",
        "position": "Int64",
        "kind": "string",
        "description": "string",
    },
    "case_factor_themes": {"factor_id": "string", "case_id": "string", "theme": "string"},
    "case_key_figures": {
        "case_id": "string",
        "position": "Int64",
        "label": "string",
        "value": "float64",
        "unit": "string",
        "year": "Int64",
        "note": "string",
    },
}


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
            problems.append(Problem(path.name, None, None, f"not a valid TOML file: {broken}"))
            continue
        case_id = validate_case(path, data, known_municipalities, vocabularies, problems)
        if case_id in seen:
            message = f"duplicate: {seen[case_id]} has the same case_id"
            problems.append(Problem(path.name, None, f"{case_id}: case_id", message))
        seen.setdefault(case_id, path.name)
        cases.append(data)
    if problems:
        raise InputError(problems)
    return cases


def _date_parts(text: str) -> tuple[int, int | None]:
    match = DATE.match(text)
    if match is None:
        raise ValueError(f"not a validated date: {text!r}")
    return int(match.group(1)), int(match.group(2)) if match.group(2) else None


def _case_row(case: dict) -> list[dict]:
    source = case["source"]
    return [
        {
            "case_id": case["case_id"],
            "name": case["name"],
            "municipality_code": case["municipality_code"],
            "municipality": case["municipality"],
            "neighbourhood": case.get("neighbourhood", ""),
            "province": case["province"],
            "period_start": case["period_start"],
            "period_end": case.get("period_end"),
            "phase": case["phase"],
            "summary": case["summary"],
            "government_description": case["government_role"]["description"],
            "source_id": f"case:{case['case_id']}",
            "document": source["document"],
            "section": source["section"],
            "line_first": source["lines"][0],
            "line_last": source["lines"][1],
            "reading_notes": source.get("reading_notes", ""),
        }
    ]


def _ladder_rows(case: dict, ladder: tuple[str, ...]) -> list[dict]:
    role = case["government_role"]
    shifts = sorted(role.get("shifts", []), key=lambda shift: shift["from_year"])
    whole_case = {"ladder": role["ladder"], "description": role["description"]}
    rows = []
    for period, entry in enumerate([whole_case, *shifts]):
        rows += [
            {
                "case_id": case["case_id"],
                "step": step,
                "step_rank": ladder.index(step) + 1,
                "period": period,
                "from_year": entry.get("from_year"),
                "to_year": entry.get("to_year"),
                "description": entry.get("description", ""),
                "is_overall": period == 0,
                # the latest dated shift, or the case as a whole when the file dates none
                "is_current": period == len(shifts),
            }
            for step in dict.fromkeys(entry["ladder"])
        ]
    return rows


def _milestone_rows(case: dict) -> list[dict]:
    rows = []
    for position, milestone in enumerate(case["milestones"]):
        year, month = _date_parts(milestone["date"])
        rows.append(
            {
                "case_id": case["case_id"],
                "position": position,
                "date_text": milestone["date"],
                "year": year,
                "month": month,
                "description": milestone["description"],
                "marks_start": milestone.get("marks_start", False),
            }
        )
    return rows


def _factor_rows(case: dict) -> list[dict]:
    return [
        {
            "case_id": case["case_id"],
            "factor_id": f"{case['case_id']}#{position}",
            "position": position,
            "kind": factor["kind"],
            "description": factor["description"],
            "themes": list(dict.fromkeys(factor["themes"])),
        }
        for position, factor in enumerate(case["factors"])
    ]


def _listed(case: dict, field: str, column: str) -> list[dict]:
    return [
        {"case_id": case["case_id"], "position": position, column: value}
        for position, value in enumerate(case[field])
    ]


def _actor_rows(case: dict) -> list[dict]:
    fields = ("name", "type", "role", "description")
    return [
        {"case_id": case["case_id"], "position": position, **{k: a.get(k, "") for k in fields}}
        for position, a in enumerate(case["actors"])
    ]


def _key_figure_rows(case: dict) -> list[dict]:
    return [
        {
            "case_id": case["case_id"],
            "position": position,
            "label": figure["label"],
            "value": float(figure["value"]),
            "unit": figure.get("unit", ""),
            "year": figure.get("year"),
            "note": figure.get("note", ""),
        }
        for position, figure in enumerate(case.get("key_figures", []))
    ]


def _table(name: str, rows: list[dict]) -> pd.DataFrame:
    columns = TABLE_COLUMNS[name]
    return conform(pd.DataFrame(rows, columns=list(columns)), columns)


def case_tables(cases: list[dict], ladder: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    """Flatten validated cases into typed raw tables (one row per case, milestone, actor, ...)."""

    def rows(extract: Any) -> list[dict]:
        return [row for case in cases for row in extract(case)]

    factors = pd.DataFrame(rows(_factor_rows), columns=[*TABLE_COLUMNS["case_factors"], "themes"])
    factor_themes = factors.explode("themes").rename(columns={"themes": "theme"})
    return {
        "cases": _table("cases", rows(_case_row)),
        "case_themes": _table("case_themes", rows(_themes)),
        "case_ideas": _table("case_ideas", rows(lambda c: _listed(c, "basic_idea", "idea"))),
        "case_milestones": _table("case_milestones", rows(_milestone_rows)),
        "case_actors": _table("case_actors", rows(_actor_rows)),
        "case_ladder": _table("case_ladder", rows(lambda c: _ladder_rows(c, ladder))),
        "case_factors": _table("case_factors", factors.to_dict("records")),
        "case_factor_themes": _table("case_factor_themes", factor_themes.to_dict("records")),
        "case_key_figures": _table("case_key_figures", rows(_key_figure_rows)),
    }


def _themes(case: dict) -> list[dict]:
    return [{"case_id": case["case_id"], "theme": t} for t in dict.fromkeys(case["themes"])]


def case_sources(cases: list[dict]) -> pd.DataFrame:
    """One source record per case: the document, section and line range it rests on."""
    rows = []
    for case in cases:
        source = case["source"]
        first, last = source["lines"]
        publisher, published_on = DOCUMENTS.get(source["document"][:3], ("Brondocument", ""))
        rows.append(
            {
                "source_id": f"case:{case['case_id']}",
                "kind": "document",
                "publisher": publisher,
                "title": source["title"],
                "reference": f"{source['document']}, {source['section']}, regels {first}–{last}",
                "published_on": published_on,
                "retrieved_at": "",
                "licence": "Citaat uit openbaar document",
                "url": "",
                "is_demo": False,
            }
        )
    return conform(pd.DataFrame(rows, columns=list(SOURCE_COLUMNS)), SOURCE_COLUMNS)


def load_cases(settings: PipelineSettings, municipalities: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Loader: the case files in <data dir>/cases as raw tables plus their source records."""
    vocabularies = reference.read_reference(settings.data_dir, "vocabularies")
    by_name = {
        name: tuple(rows.sort_values("sort_order")["code"])
        for name, rows in vocabularies.groupby("vocabulary")
    }
    cases = read_cases(
        settings.data_dir / "cases", set(municipalities["municipality_code"]), by_name
    )
    return {**case_tables(cases, by_name["ladder_step"]), "sources": case_sources(cases)}
