"""Validated case files flattened into typed raw tables, one row per case, item or position.

Every item row carries its citation (`ref`, '<doc>:<first>-<last>; ...') and, where the file has
one, the reading note that says how a date or figure was derived.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from data_pipeline.observations import conform
from data_pipeline.sources.cases.validation import DATE

CITED = {"ref": "string", "note": "string"}
TABLE_COLUMNS: dict[str, dict[str, str]] = {
    "cases": {
        **dict.fromkeys(("case_id", "name", "municipality_code", "municipality"), "string"),
        **{"neighbourhood": "string", "province": "string"},
        **{
            "period_start": "Int64",
            "period_end": "Int64",
            "phase": "string",
            "phase_ref": "string",
        },
        **dict.fromkeys(("summary", "government_description", "government_ref"), "string"),
        **dict.fromkeys(("source_id", "document", "section"), "string"),
        **{"line_first": "Int64", "line_last": "Int64", "reading_notes": "string"},
    },
    "case_themes": {"case_id": "string", "theme": "string"},
    "case_ideas": {"case_id": "string", "position": "Int64", "idea": "string", **CITED},
    "case_milestones": {
        "case_id": "string",
        "position": "Int64",  # sort order: the order of the file
        "date_text": "string",  # 'YYYY' or 'YYYY-MM', as the document gives it
        "year": "Int64",
        "month": "Int64",  # null for year-only dates
        "description": "string",
        "marks_start": "bool",
        **CITED,
    },
    "case_actors": {
        **{"case_id": "string", "position": "Int64", "name": "string", "type": "string"},
        **{"role": "string", "description": "string", **CITED},
    },
    "case_ladder": {
        "case_id": "string",
        "step": "string",
        "step_rank": "Int64",  # 1 = loslaten ... 5 = reguleren (the vocabulary's order)
        "period": "Int64",  # 0 = the case as a whole; 1.. = the dated shifts in time order
        "from_year": "Int64",
        "to_year": "Int64",
        "description": "string",
        "is_overall": "bool",
        "is_current": "bool",  # the latest dated position, or the whole-case one if undated
        **CITED,
    },
    "case_factors": {
        **{"case_id": "string", "factor_id": "string", "position": "Int64"},
        **{"kind": "string", "description": "string", **CITED},
    },
    "case_factor_themes": {"factor_id": "string", "case_id": "string", "theme": "string"},
    "case_key_figures": {
        **{"case_id": "string", "position": "Int64", "label": "string", "value": "float64"},
        **{"unit": "string", "year": "Int64", **CITED},
    },
}


def _cited(entry: dict) -> dict[str, str]:
    return {"ref": entry.get("ref", ""), "note": entry.get("note", "")}


def _date_parts(text: str) -> tuple[int, int | None]:
    match = DATE.match(text)
    if match is None:
        raise ValueError(f"not a validated date: {text!r}")
    return int(match.group(1)), int(match.group(2)) if match.group(2) else None


def _case_row(case: dict) -> list[dict]:
    source, role = case["source"], case["government_role"]
    return [
        {
            **{key: case.get(key) for key in ("case_id", "name", "municipality_code")},
            **{key: case.get(key) for key in ("municipality", "province", "phase", "summary")},
            "neighbourhood": case.get("neighbourhood", ""),
            "period_start": case["period_start"],
            "period_end": case.get("period_end"),
            "phase_ref": case.get("phase_ref", ""),
            "government_description": role["description"],
            "government_ref": role.get("ref", ""),
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
    rows = []
    for period, entry in enumerate([role, *shifts]):
        rows += [
            {
                "case_id": case["case_id"],
                "step": step,
                "step_rank": ladder.index(step) + 1,
                "period": period,
                "from_year": entry.get("from_year") if period else None,
                "to_year": entry.get("to_year") if period else None,
                "description": entry.get("description", ""),
                "is_overall": period == 0,
                # the latest dated shift, or the case as a whole when the file dates none
                "is_current": period == len(shifts),
                **_cited(entry),
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
                **_cited(milestone),
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
            **_cited(factor),
        }
        for position, factor in enumerate(case["factors"])
    ]


def _idea_rows(case: dict) -> list[dict]:
    return [
        {"case_id": case["case_id"], "position": position, "idea": idea["text"], **_cited(idea)}
        for position, idea in enumerate(case["basic_idea"])
    ]


def _actor_rows(case: dict) -> list[dict]:
    fields = ("name", "type", "role", "description")
    return [
        {"case_id": case["case_id"], "position": position, **{k: a.get(k, "") for k in fields}}
        | _cited(a)
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
            **_cited(figure),
        }
        for position, figure in enumerate(case.get("key_figures", []))
    ]


def _themes(case: dict) -> list[dict]:
    return [{"case_id": case["case_id"], "theme": t} for t in dict.fromkeys(case["themes"])]


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
        "case_ideas": _table("case_ideas", rows(_idea_rows)),
        "case_milestones": _table("case_milestones", rows(_milestone_rows)),
        "case_actors": _table("case_actors", rows(_actor_rows)),
        "case_ladder": _table("case_ladder", rows(lambda c: _ladder_rows(c, ladder))),
        "case_factors": _table("case_factors", factors.to_dict("records")),
        "case_factor_themes": _table("case_factor_themes", factor_themes.to_dict("records")),
        "case_key_figures": _table("case_key_figures", rows(_key_figure_rows)),
    }
