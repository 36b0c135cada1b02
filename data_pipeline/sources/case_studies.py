"""Practice cases from data/cases/*.toml: validated, then flattened into raw tables.

Every problem in every file is collected and reported at once, naming file, case and field
(e.g. "wattwest.toml, field 'wattwest: milestones[2].date': ..."). See data/cases/README.md.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pandas as pd

from data_pipeline.errors import InputError, Problem
from data_pipeline.observations import SOURCE_COLUMNS, conform

LADDER = ("loslaten", "faciliteren", "stimuleren", "regisseren", "reguleren")
FACTOR_THEMES = (
    "burgerkracht",
    "organiserend_vermogen",
    "gedeelde_urgentie",
    "rolduidelijkheid",
    "open_communicatie",
    "persoonlijke_betrokkenheid",
    "politieke_steun",
    "overig",
)
ACTOR_TYPES = (
    "bewonersinitiatief",
    "vrijwilligersorganisatie",
    "welzijnsorganisatie",
    "zorgaanbieder",
    "gemeente",
    "overheid_overig",
    "school",
    "woningcorporatie",
    "bedrijf",
    "kennisinstelling",
    "fonds",
    "cooperatie",
    "overig",
)
ACTOR_ROLES = ("initiatiefnemer", "partner", "financier", "opdrachtgever", "ondersteuner")
THEMES = (
    "jeugd",
    "wmo",
    "participatie",
    "onderwijs",
    "leefbaarheid",
    "voorzieningen",
    "werk_en_inkomen",
    "taal",
    "veiligheid",
    "zorg_en_welzijn",
    "professionalisering",
)
PHASES = ("pionier", "groei", "verankerd", "beeindigd")
FACTOR_KINDS = ("bevorderend", "belemmerend")
DATE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2]))?$")
PUBLISHERS = {
    "000": "Binnema en Scheijmans (essay)",
    "001": "Hogeschool Utrecht / USBO / kUS",
    "002": "VNG Magazine",
    "003": "Verwey-Jonker Instituut",
    "004": "Platform31 / Tilburg University",
}


class _Case:
    """One parsed case file with a problem collector that knows file and case."""

    def __init__(self, path: Path, data: dict[str, Any], problems: list[Problem]) -> None:
        self.path, self.data, self.problems = path, data, problems
        self.case_id = str(data.get("case_id") or path.stem)

    def problem(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.path.name, None, f"{self.case_id}: {field}", message))

    def text(self, field: str, value: Any) -> None:
        if not isinstance(value, str) or not value.strip():
            self.problem(field, "missing or empty")

    def choice(self, field: str, value: Any, allowed: tuple[str, ...]) -> None:
        if value not in allowed:
            self.problem(field, f"unknown value {value!r} (allowed: {', '.join(allowed)})")

    def items(self, name: str, minimum: int = 1) -> list[dict]:
        values = self.data.get(name)
        if not isinstance(values, list) or len(values) < minimum:
            self.problem(name, f"panel missing: at least {minimum} needed")
            return []
        return [v for v in values if isinstance(v, dict)] if name != "basic_idea" else values


def _check_identity(case: _Case, known: set[str]) -> None:
    data = case.data
    if data.get("case_id") != case.path.stem:
        case.problem("case_id", f"must equal the file name '{case.path.stem}'")
    for field in ("name", "municipality", "province", "summary"):
        case.text(field, data.get(field))
    if data.get("municipality_code") not in known:
        case.problem(
            "municipality_code", f"unknown municipality code {data.get('municipality_code')!r}"
        )
    if not isinstance(data.get("period_start"), int):
        case.problem("period_start", "missing year")
    for index, theme in enumerate(data.get("themes") or [None]):
        case.choice(f"themes[{index}]", theme, THEMES)
    case.choice("phase", data.get("phase"), PHASES)
    source = data.get("source") or {}
    for field in ("document", "title", "section"):
        case.text(f"source.{field}", source.get(field))
    lines = source.get("lines")
    if not (
        isinstance(lines, list)
        and len(lines) == 2
        and all(isinstance(n, int) for n in lines)
        and lines[0] <= lines[1]
    ):
        case.problem("source.lines", "needs [first, last] line numbers")


def _check_panels(case: _Case) -> None:
    for index, idea in enumerate(case.items("basic_idea")):
        case.text(f"basic_idea[{index}]", idea)
    starts = 0
    for index, milestone in enumerate(case.items("milestones")):
        if not DATE.match(str(milestone.get("date", ""))):
            case.problem(
                f"milestones[{index}].date",
                f"needs a date as YYYY or YYYY-MM, got {milestone.get('date')!r}",
            )
        case.text(f"milestones[{index}].description", milestone.get("description"))
        starts += bool(milestone.get("marks_start"))
    if starts > 1:
        case.problem("milestones", "more than one milestone marks the start")
    for index, actor in enumerate(case.items("actors")):
        case.text(f"actors[{index}].name", actor.get("name"))
        case.choice(f"actors[{index}].type", actor.get("type"), ACTOR_TYPES)
        case.choice(f"actors[{index}].role", actor.get("role"), ACTOR_ROLES)
    _check_government(case)
    _check_factors(case)


def _check_government(case: _Case) -> None:
    role = case.data.get("government_role")
    if not isinstance(role, dict):
        case.problem("government_role", "panel missing")
        return
    case.text("government_role.description", role.get("description"))
    for index, step in enumerate(role.get("ladder") or [None]):
        case.choice(f"government_role.ladder[{index}]", step, LADDER)
    for index, shift in enumerate(role.get("shifts") or []):
        if not isinstance(shift.get("from_year"), int):
            case.problem(f"government_role.shifts[{index}].from_year", "missing year")
        for step_index, step in enumerate(shift.get("ladder") or [None]):
            case.choice(f"government_role.shifts[{index}].ladder[{step_index}]", step, LADDER)


def _check_factors(case: _Case) -> None:
    factors = case.items("factors", minimum=2)
    for kind in FACTOR_KINDS:
        if factors and not any(f.get("kind") == kind for f in factors):
            case.problem("factors", f"panel missing: no {kind} factor")
    for index, factor in enumerate(factors):
        case.choice(f"factors[{index}].kind", factor.get("kind"), FACTOR_KINDS)
        case.text(f"factors[{index}].description", factor.get("description"))
        for theme_index, theme in enumerate(factor.get("themes") or [None]):
            case.choice(f"factors[{index}].themes[{theme_index}]", theme, FACTOR_THEMES)
    for index, figure in enumerate(case.data.get("key_figures") or []):
        if not isinstance(figure.get("value"), int | float):
            case.problem(f"key_figures[{index}].value", "not a number")


def read_cases(folder: Path, known_municipalities: set[str]) -> list[dict[str, Any]]:
    """Every case file in `folder`, validated; raises one InputError listing all problems."""
    problems: list[Problem] = []
    cases, seen = [], {}
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except tomllib.TOMLDecodeError as broken:
            problems.append(Problem(path.name, None, None, f"not valid TOML: {broken}"))
            continue
        case = _Case(path, data, problems)
        _check_identity(case, known_municipalities)
        _check_panels(case)
        if case.case_id in seen:
            case.problem("case_id", f"duplicate of {seen[case.case_id]}")
        seen[case.case_id] = path.name
        cases.append(data)
    if problems:
        raise InputError(problems)
    return cases


def _date_parts(text: str) -> tuple[int, int | None]:
    match = DATE.match(text)
    assert match is not None  # validated before flattening
    return int(match.group(1)), int(match.group(2)) if match.group(2) else None


def _rows(cases: list[dict], extract: Any) -> pd.DataFrame:
    return pd.DataFrame([row for case in cases for row in extract(case)])


def _ladder_rows(case: dict) -> list[dict]:
    role = case["government_role"]
    rows = [
        {
            "case_id": case["case_id"],
            "step": step,
            "step_rank": LADDER.index(step) + 1,
            "from_year": None,
            "to_year": None,
            "description": role["description"],
            "is_overall": True,
        }
        for step in role["ladder"]
    ]
    for shift in role.get("shifts", []):
        rows += [
            {
                "case_id": case["case_id"],
                "step": step,
                "step_rank": LADDER.index(step) + 1,
                "from_year": shift["from_year"],
                "to_year": shift.get("to_year"),
                "description": shift.get("description", ""),
                "is_overall": False,
            }
            for step in shift["ladder"]
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
                "marks_start": bool(milestone.get("marks_start", False)),
            }
        )
    return rows


def _factor_rows(case: dict) -> list[dict]:
    return [
        {
            "case_id": case["case_id"],
            "factor_id": f"{case['case_id']}#{position}",
            "kind": factor["kind"],
            "description": factor["description"],
            "themes": list(factor["themes"]),
        }
        for position, factor in enumerate(case["factors"])
    ]


def case_tables(cases: list[dict]) -> dict[str, pd.DataFrame]:
    """Flatten validated cases into raw tables (one row per case, milestone, actor, ...)."""
    factors = _rows(cases, _factor_rows)
    return {
        "cases": _rows(
            cases,
            lambda c: [
                {
                    "case_id": c["case_id"],
                    "name": c["name"],
                    "municipality_code": c["municipality_code"],
                    "municipality": c["municipality"],
                    "neighbourhood": c.get("neighbourhood", ""),
                    "province": c["province"],
                    "period_start": c["period_start"],
                    "period_end": c.get("period_end"),
                    "phase": c["phase"],
                    "summary": c["summary"],
                    "government_description": c["government_role"]["description"],
                    "source_id": f"case:{c['case_id']}",
                    "document": c["source"]["document"],
                    "section": c["source"]["section"],
                    "line_first": c["source"]["lines"][0],
                    "line_last": c["source"]["lines"][1],
                    "reading_notes": c["source"].get("reading_notes", ""),
                }
            ],
        ),
        "case_themes": _rows(
            cases, lambda c: [{"case_id": c["case_id"], "theme": t} for t in c["themes"]]
        ),
        "case_ideas": _rows(
            cases,
            lambda c: [
                {"case_id": c["case_id"], "position": i, "idea": t}
                for i, t in enumerate(c["basic_idea"])
            ],
        ),
        "case_milestones": _rows(cases, _milestone_rows),
        "case_actors": _rows(
            cases,
            lambda c: [
                {
                    "case_id": c["case_id"],
                    "position": i,
                    **{k: a.get(k, "") for k in ("name", "type", "role", "description")},
                }
                for i, a in enumerate(c["actors"])
            ],
        ),
        "case_ladder": _rows(cases, _ladder_rows),
        "case_factors": factors.drop(columns="themes"),
        "case_factor_themes": factors[["factor_id", "case_id", "kind", "themes"]]
        .explode("themes")
        .rename(columns={"themes": "theme"}),
        "case_key_figures": _rows(
            cases,
            lambda c: [
                {
                    "case_id": c["case_id"],
                    "position": i,
                    "label": f["label"],
                    "value": float(f["value"]),
                    "unit": f.get("unit", ""),
                    "year": f.get("year"),
                    "note": f.get("note", ""),
                }
                for i, f in enumerate(c.get("key_figures", []))
            ],
        ),
    }


def case_sources(cases: list[dict]) -> pd.DataFrame:
    """One source record per case: the document, section and line range it rests on."""
    rows = []
    for case in cases:
        source = case["source"]
        first, last = source["lines"]
        rows.append(
            {
                "source_id": f"case:{case['case_id']}",
                "kind": "document",
                "publisher": PUBLISHERS.get(source["document"][:3], "Brondocument"),
                "title": source["title"],
                "reference": f"{source['document']}, {source['section']}, regels {first}–{last}",
                "published_on": "",
                "retrieved_at": "",
                "licence": "Citaat uit openbaar document",
                "url": "",
                "is_demo": False,
            }
        )
    return conform(pd.DataFrame(rows), SOURCE_COLUMNS)


def load_cases(settings: Any, municipalities: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Loader: the case files of the data dir as raw tables plus their source records."""
    cases = read_cases(settings.data_dir / "cases", set(municipalities["municipality_code"]))
    return {**case_tables(cases), "sources": case_sources(cases)}
