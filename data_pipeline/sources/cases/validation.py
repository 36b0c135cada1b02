"""Validation of one practice-case file against data/cases/README.md (schema and vocabularies).

Problems are collected, not raised, so the loader can report every problem in every file at once;
each names the file, the case and the field ("wattwest: milestones[2].date").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from data_pipeline.errors import Problem

# The closed lists (themes, phases, ladder steps, actor types and roles, factor kinds and
# themes) live in data/reference/vocabularies.csv; the loader passes them in.
Vocabularies = Mapping[str, tuple[str, ...]]
DATE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2]))?$")
# '<doc>:<first>-<last>' (or a single line), several joined with '; '
CITATION = re.compile(r"^\d{3}:\d+(?:-\d+)?$")
FIELDS = (
    *("case_id", "name", "municipality_code", "municipality", "neighbourhood", "province"),
    *("period_start", "period_end", "themes", "phase", "phase_ref", "summary", "basic_idea"),
    *("source", "milestones", "actors", "government_role", "factors", "key_figures"),
)


def citations(ref: str) -> list[tuple[str, int, int]]:
    """'004:2411-2413; 004:2451' -> [('004', 2411, 2413), ('004', 2451, 2451)]."""
    spans = []
    for part in (p.strip() for p in ref.split(";") if p.strip()):
        document, _, lines = part.partition(":")
        first, _, last = lines.partition("-")
        spans.append((document, int(first), int(last or first)))
    return spans


class _Case:
    """One parsed case file with a problem collector that knows file and case."""

    def __init__(
        self, path: Path, data: dict[str, Any], problems: list[Problem], vocabularies: Vocabularies
    ) -> None:
        self.path, self.data, self.problems = path, data, problems
        self.vocabularies = vocabularies
        self.case_id = str(data.get("case_id") or path.stem)

    def problem(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.path.name, None, f"{self.case_id}: {field}", message))

    def text(self, field: str, value: Any) -> None:
        if not isinstance(value, str) or not value.strip():
            self.problem(field, "tekst ontbreekt of is leeg")

    def citation(self, field: str, entry: Mapping[str, Any]) -> None:
        """The entry's `ref`: one or more '<doc>:<first>-<last>' of known documents."""
        ref = entry.get("ref")
        parts = [p.strip() for p in ref.split(";")] if isinstance(ref, str) else []
        if not parts or not all(CITATION.match(p) for p in parts):
            self.problem(
                f"{field}.ref", f"verwacht een bronverwijzing als '004:2411-2413', kreeg {ref!r}"
            )
            return
        known = self.vocabularies.get("document", ())
        for document, first, last in citations(ref):  # type: ignore[arg-type]
            if document not in known:
                self.problem(f"{field}.ref", f"onbekend document {document!r}")
            if last < first:
                self.problem(f"{field}.ref", f"regelbereik {first}-{last} loopt achteruit")

    def year(self, field: str, value: Any, *, required: bool = True) -> None:
        if (value is not None or required) and not (isinstance(value, int) and value > 1900):
            self.problem(field, f"verwacht een jaartal als 2018, kreeg {value!r}")

    def choices(self, field: str, values: Any, vocabulary: str) -> None:
        """A non-empty list of codes of one vocabulary."""
        for index, value in enumerate(self.values(field, values)):
            self.choice(f"{field}[{index}]", value, vocabulary)

    def choice(self, field: str, value: Any, vocabulary: str) -> None:
        allowed = self.vocabularies.get(vocabulary, ())
        if value not in allowed:
            self.problem(field, f"onbekende waarde {value!r} (toegestaan: {', '.join(allowed)})")

    def values(self, field: str, values: Any) -> list:
        if not isinstance(values, list) or not values:
            self.problem(field, "verwacht een niet-lege lijst")
            return []
        return values

    def tables(self, name: str, *, panel: bool) -> list[dict]:
        """The [[name]] entries; a missing panel or a non-table entry is a problem."""
        entries = self.data.get(name, [] if not panel else None)
        if panel and (not isinstance(entries, list) or not entries):
            self.problem(name, "paneel ontbreekt: minstens één item nodig")
            return []
        if not isinstance(entries, list):
            self.problem(name, "verwacht een lijst van [[tabellen]]")
            return []
        for index, entry in enumerate(entries):
            if not isinstance(entry, dict):
                self.problem(f"{name}[{index}]", "verwacht een tabel met velden")
        return [entry if isinstance(entry, dict) else {} for entry in entries]


def _check_identity(case: _Case, known: set[str]) -> None:
    data = case.data
    if data.get("case_id") != case.path.stem:
        case.problem("case_id", f"moet gelijk zijn aan de bestandsnaam '{case.path.stem}'")
    for field in ("name", "municipality", "province", "summary"):
        case.text(field, data.get(field))
    if data.get("municipality_code") not in known:
        code = data.get("municipality_code")
        case.problem("municipality_code", f"onbekende gemeentecode {code!r}")
    case.year("period_start", data.get("period_start"))
    case.year("period_end", data.get("period_end"), required=False)
    start, end = data.get("period_start"), data.get("period_end")
    if isinstance(start, int) and isinstance(end, int) and end < start:
        case.problem("period_end", f"{end} ligt voor period_start {start}")
    case.choices("themes", data.get("themes"), "case_theme")
    case.choice("phase", data.get("phase"), "case_phase")
    if "phase_ref" in data:
        case.citation("phase", {"ref": data["phase_ref"]})
    for field in sorted(set(data) - set(FIELDS)):
        case.problem(field, "onbekend veld (een typfout?); zie data/cases/README.md")


def _check_source(case: _Case) -> None:
    source = case.data.get("source")
    if not isinstance(source, dict):
        case.problem("source", "tabel [source] ontbreekt")
        return
    for field in ("document", "title", "section"):
        case.text(f"source.{field}", source.get(field))
    lines = source.get("lines")
    if not (
        isinstance(lines, list)
        and len(lines) == 2
        and all(isinstance(n, int) for n in lines)
        and lines[0] <= lines[1]
    ):
        case.problem("source.lines", f"verwacht [eerste, laatste] regelnummer, kreeg {lines!r}")


def _check_ideas_and_milestones(case: _Case) -> None:
    for index, idea in enumerate(case.tables("basic_idea", panel=True)):
        case.text(f"basic_idea[{index}].text", idea.get("text"))
        case.citation(f"basic_idea[{index}]", idea)
    starts = 0
    for index, milestone in enumerate(case.tables("milestones", panel=True)):
        date = milestone.get("date")
        if not (isinstance(date, str) and DATE.match(date)):
            case.problem(
                f"milestones[{index}].date", f"verwacht 'JJJJ' of 'JJJJ-MM', kreeg {date!r}"
            )
        case.text(f"milestones[{index}].description", milestone.get("description"))
        case.citation(f"milestones[{index}]", milestone)
        marks_start = milestone.get("marks_start", False)
        if not isinstance(marks_start, bool):
            case.problem(f"milestones[{index}].marks_start", "verwacht true of false")
        starts += marks_start is True
    if starts > 1:
        case.problem(
            "milestones", f"{starts} mijlpalen hebben marks_start = true; hooguit één mag dat"
        )


def _check_actors(case: _Case) -> None:
    for index, actor in enumerate(case.tables("actors", panel=True)):
        case.text(f"actors[{index}].name", actor.get("name"))
        case.choice(f"actors[{index}].type", actor.get("type"), "actor_type")
        case.choice(f"actors[{index}].role", actor.get("role"), "actor_role")
        case.citation(f"actors[{index}]", actor)


def _check_government(case: _Case) -> None:
    role = case.data.get("government_role")
    if not isinstance(role, dict):
        case.problem("government_role", "paneel ontbreekt: tabel [government_role] nodig")
        return
    case.text("government_role.description", role.get("description"))
    case.citation("government_role", role)
    case.choices("government_role.ladder", role.get("ladder"), "ladder_step")
    shifts = role.get("shifts", [])
    for index, shift in enumerate(shifts if isinstance(shifts, list) else [None]):
        field = f"government_role.shifts[{index}]"
        if not isinstance(shift, dict):
            case.problem(field, "verwacht een tabel [[government_role.shifts]]")
            continue
        case.year(f"{field}.from_year", shift.get("from_year"))
        case.year(f"{field}.to_year", shift.get("to_year"), required=False)
        first, last = shift.get("from_year"), shift.get("to_year")
        if isinstance(first, int) and isinstance(last, int) and last < first:
            case.problem(f"{field}.to_year", f"{last} ligt voor from_year {first}")
        case.choices(f"{field}.ladder", shift.get("ladder"), "ladder_step")
        case.citation(field, shift)


def _check_factors(case: _Case) -> None:
    factors = case.tables("factors", panel=True)
    for kind in case.vocabularies.get("factor_kind", ()):
        if factors and not any(f.get("kind") == kind for f in factors):
            case.problem("factors", f"paneel ontbreekt: geen factor met kind = '{kind}'")
    for index, factor in enumerate(factors):
        case.choice(f"factors[{index}].kind", factor.get("kind"), "factor_kind")
        case.text(f"factors[{index}].description", factor.get("description"))
        case.choices(f"factors[{index}].themes", factor.get("themes"), "factor_theme")
        case.citation(f"factors[{index}]", factor)


def _check_key_figures(case: _Case) -> None:
    for index, figure in enumerate(case.tables("key_figures", panel=False)):
        case.text(f"key_figures[{index}].label", figure.get("label"))
        value = figure.get("value")
        if isinstance(value, bool) or not isinstance(value, int | float):
            case.problem(f"key_figures[{index}].value", f"verwacht een getal, kreeg {value!r}")
        case.year(f"key_figures[{index}].year", figure.get("year"), required=False)
        case.citation(f"key_figures[{index}]", figure)


CHECKS = (
    _check_source,
    _check_ideas_and_milestones,
    _check_actors,
    _check_government,
    _check_factors,
    _check_key_figures,
)


def validate_case(
    path: Path,
    data: dict[str, Any],
    known_municipalities: set[str],
    vocabularies: Vocabularies,
    problems: list[Problem],
) -> str:
    """Append the problems of one parsed case file to `problems`; return its case id."""
    case = _Case(path, data, problems, vocabularies)
    _check_identity(case, known_municipalities)
    for check in CHECKS:
        check(case)
    return case.case_id
