"""Local registrations only the cooperative or municipality has: volunteers and spend vs budget.

Files come as people make them: CSV with ';' or ',' (or tabs), decimal comma or point, UTF-8
with or without BOM or Windows-1252, or .xlsx. Every row is checked and every problem reported
at once with file, row and field; nothing is returned unless the whole file is valid.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from data_pipeline.errors import InputError, Problem
from data_pipeline.observations import ObservationBatch

VOLUNTEER_FIELDS = {
    "jeugd": "youth",
    "wmo": "wmo",
    "participatie": "participation",
    "ontmoeting": "community",
    "totaal": "total",
}
KINDS = {"vrijwilliger": "volunteers_registered", "maatje": "buddies_registered"}
SPEND_CATEGORIES = {  # template category -> (domain of the indicator, our category)
    "jeugdhulp_zonder_verblijf": ("youth", "without_accommodation"),
    "jeugdhulp_met_verblijf": ("youth", "with_accommodation"),
    "jeugdbescherming_reclassering": ("youth", "protection_probation"),
    "wmo_begeleiding": ("wmo", "support"),
    "wmo_huishoudelijke_hulp": ("wmo", "household_help"),
    "wmo_hulpmiddelen_woonvoorzieningen": ("wmo", "aids_housing"),
}
VOLUNTEER_COLUMNS = ["gemeentecode", "jaar", "soort", "werkveld", "aantal"]
SPEND_COLUMNS = ["gemeentecode", "jaar", "categorie", "begroot_eur", "gerealiseerd_eur"]


@dataclass(frozen=True)
class Row:
    """One data row with its 1-based row number in the file (the header is row 1)."""

    number: int
    values: dict[str, str]


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnicodeDecodeError("utf-8/cp1252", data, 0, 1, "unknown encoding")


def _delimiter(header_line: str) -> str:
    counts = {sep: header_line.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] and counts[best] > counts.get(";", 0) else ";"


def read_rows(path: Path) -> tuple[list[str], list[Row]]:
    """Header names (lower-case, trimmed) and the non-blank data rows of a CSV or .xlsx file."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        table = [
            ["" if cell is None else _excel_text(cell) for cell in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    else:
        text = _decode(path.read_bytes())
        first_line = text.splitlines()[0] if text.strip() else ""
        table = list(csv.reader(io.StringIO(text), delimiter=_delimiter(first_line)))
    if not table:
        return [], []
    header = [str(name).strip().lower() for name in table[0]]
    rows = [
        Row(number, dict(zip(header, (str(v).strip() for v in values), strict=False)))
        for number, values in enumerate(table[1:], start=2)
        if any(str(v).strip() for v in values)
    ]
    return header, rows


def _excel_text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def parse_amount(text: str) -> float:
    """'1.234.567,89', '1234567.89', '€ 1.234', '1 234' -> float; ValueError otherwise."""
    cleaned = re.sub(r"[€\s\u00a0]", "", text)
    if "," in cleaned and "." in cleaned:
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif "," in cleaned:
        cleaned = cleaned.replace(",", ".")
    elif cleaned.count(".") > 1 or re.fullmatch(r"-?\d{1,3}(\.\d{3})+", cleaned):
        cleaned = cleaned.replace(".", "")  # dots as thousands separators: 1.234 is 1234
    return float(cleaned)


class _Checker:
    """Collects problems for one file."""

    def __init__(self, path: Path) -> None:
        self.name = path.name
        self.problems: list[Problem] = []

    def add(self, row: int | None, field: str | None, message: str) -> None:
        self.problems.append(Problem(self.name, row, field, message))

    def columns(self, header: list[str], required: list[str], rows: list[Row]) -> bool:
        for column in required:
            if column not in header:
                self.add(1, column, "missing column")
        for column in header:
            if column and column not in required:
                self.add(1, column, f"unknown column (expected: {', '.join(required)})")
        if not rows:
            self.add(None, None, "no data rows")
        return not self.problems

    def code(self, row: Row, known: set[str]) -> str | None:
        code = row.values.get("gemeentecode", "").upper()
        if not code:
            self.add(row.number, "gemeentecode", "missing value")
        elif code not in known:
            self.add(row.number, "gemeentecode", f"unknown municipality code '{code}'")
        else:
            return code
        return None

    def year(self, row: Row, first: int, last: int) -> int | None:
        raw = row.values.get("jaar", "")
        if not raw:
            self.add(row.number, "jaar", "missing value")
            return None
        if not raw.isdigit():
            self.add(row.number, "jaar", f"not a year: '{raw}'")
            return None
        if not first <= int(raw) <= last:
            self.add(row.number, "jaar", f"year {raw} outside {first}-{last}")
            return None
        return int(raw)

    def choice(self, row: Row, field: str, allowed: Mapping[str, object]) -> str | None:
        raw = row.values.get(field, "").strip().lower()
        if raw in allowed:
            return raw
        message = (
            "missing value"
            if not raw
            else (f"unknown value '{raw}' (allowed: {', '.join(allowed)})")
        )
        self.add(row.number, field, message)
        return None

    def number(self, row: Row, field: str, *, optional: bool = False) -> float | None:
        raw = row.values.get(field, "")
        if not raw:
            if not optional:
                self.add(row.number, field, "missing value")
            return None
        try:
            value = parse_amount(raw)
        except ValueError:
            self.add(row.number, field, f"not a number: '{raw}'")
            return None
        if value < 0:
            self.add(row.number, field, f"negative value {raw}")
            return None
        return value

    def duplicate(self, row: Row, key: tuple, seen: dict[tuple, int], fields: str) -> None:
        if key in seen:
            self.add(row.number, fields, f"duplicate of row {seen[key]}")
        else:
            seen[key] = row.number


def _source(kind: str, path: Path, supplier: str, imported_at: str, title: str) -> pd.DataFrame:
    stamp = re.sub(r"[^0-9T]", "", imported_at)[:15]
    return pd.DataFrame(
        [
            {
                "source_id": f"import:{kind}:{stamp}:{path.name}",
                "kind": "import",
                "publisher": supplier,
                "title": title,
                "reference": path.name,
                "published_on": "",
                "retrieved_at": imported_at,
                "licence": f"Aangeleverd door {supplier}",
                "url": "",
                "is_demo": False,
            }
        ]
    )


def _batch(records: list[dict], source: pd.DataFrame) -> ObservationBatch:
    frame = pd.DataFrame(
        records, columns=["indicator", "municipality_code", "year", "category", "value"]
    )
    return ObservationBatch(
        frame.assign(source_id=source["source_id"].item(), is_demo=False, is_provisional=False),
        source,
    )


def _volunteer_row(
    check: _Checker, row: Row, known: set[str], years: tuple[int, int], seen: dict[tuple, int]
) -> dict | None:
    code, year = check.code(row, known), check.year(row, *years)
    kind = check.choice(row, "soort", KINDS)
    field = row.values.get("werkveld", "").strip().lower() or "totaal"
    if field not in VOLUNTEER_FIELDS:
        check.add(
            row.number,
            "werkveld",
            f"unknown value '{field}' (allowed: {', '.join(VOLUNTEER_FIELDS)})",
        )
        return None
    if kind == "maatje" and field != "totaal":
        check.add(row.number, "werkveld", "buddies (maatje) are counted in total only")
        return None
    count = check.number(row, "aantal")
    if count is not None and not float(count).is_integer():
        check.add(row.number, "aantal", f"not a whole number: '{row.values['aantal']}'")
        return None
    if code is None or year is None or kind is None or count is None:
        return None
    check.duplicate(row, (code, year, kind, field), seen, "gemeentecode, jaar, soort, werkveld")
    return {
        "indicator": KINDS[kind],
        "municipality_code": code,
        "year": year,
        "category": VOLUNTEER_FIELDS[field],
        "value": count,
        "row": row.number,
    }


def _volunteer_totals(records: list[dict], check: _Checker) -> list[dict]:
    """Derive a missing total from the fields; fields may not exceed a given total."""
    frame = pd.DataFrame(records)
    out = list(records)
    volunteers = frame[frame["indicator"] == "volunteers_registered"]
    for (code, year), group in volunteers.groupby(["municipality_code", "year"]):
        parts = group[group["category"] != "total"]
        total = group[group["category"] == "total"]
        if total.empty and len(parts):
            out.append(
                {
                    "indicator": "volunteers_registered",
                    "municipality_code": code,
                    "year": int(year),
                    "category": "total",
                    "value": parts["value"].sum(),
                }
            )
        elif len(parts) and parts["value"].sum() > total["value"].iloc[0]:
            check.add(
                int(total["row"].iloc[0]),
                "aantal",
                f"fields add up to {parts['value'].sum():.0f}, more than the total "
                f"{total['value'].iloc[0]:.0f}",
            )
    return out


def _read(path: Path, columns: list[str], check: _Checker) -> list[Row]:
    try:
        header, rows = read_rows(path)
    except (OSError, UnicodeDecodeError, ValueError) as problem:
        raise InputError([Problem(path.name, None, None, f"cannot read file: {problem}")]) from None
    if not check.columns(header, columns, rows):
        raise InputError(check.problems)
    return rows


def read_volunteers(
    path: Path,
    *,
    known_municipalities: set[str],
    first_year: int,
    last_year: int,
    supplier: str,
    imported_at: str,
) -> ObservationBatch:
    """Volunteers and buddies per municipality and year (see docs/import-templates.md)."""
    check = _Checker(path)
    rows = _read(path, VOLUNTEER_COLUMNS, check)
    seen: dict[tuple, int] = {}
    records = [
        r
        for row in rows
        if (r := _volunteer_row(check, row, known_municipalities, (first_year, last_year), seen))
    ]
    if not check.problems:
        records = _volunteer_totals(records, check)
    if check.problems:
        raise InputError(check.problems)
    return _batch(
        records, _source("vrijwilligers", path, supplier, imported_at, "Vrijwilligersregistratie")
    )


def _spend_row(
    check: _Checker, row: Row, known: set[str], years: tuple[int, int], seen: dict[tuple, int]
) -> list[dict]:
    code, year = check.code(row, known), check.year(row, *years)
    category = check.choice(row, "categorie", SPEND_CATEGORIES)
    budget = check.number(row, "begroot_eur", optional=True)
    realised = check.number(row, "gerealiseerd_eur", optional=True)
    if (
        budget is None
        and realised is None
        and not row.values.get("begroot_eur")
        and not row.values.get("gerealiseerd_eur")
    ):
        check.add(row.number, "begroot_eur, gerealiseerd_eur", "both amounts are empty")
    if None in (code, year, category):
        return []
    check.duplicate(row, (code, year, category), seen, "gemeentecode, jaar, categorie")
    domain, ours = SPEND_CATEGORIES[category]  # type: ignore[index]
    return [
        {
            "indicator": f"{domain}_{kind}_eur",
            "municipality_code": code,
            "year": year,
            "category": ours,
            "value": value,
        }
        for kind, value in (("budget", budget), ("spend", realised))
        if value is not None
    ]


def read_spend(
    path: Path,
    *,
    known_municipalities: set[str],
    first_year: int,
    last_year: int,
    supplier: str,
    imported_at: str,
) -> ObservationBatch:
    """Budget and realised spend per municipality, year and category; totals are derived."""
    check = _Checker(path)
    rows = _read(path, SPEND_COLUMNS, check)
    seen: dict[tuple, int] = {}
    records = [
        r
        for row in rows
        for r in _spend_row(check, row, known_municipalities, (first_year, last_year), seen)
    ]
    if check.problems:
        raise InputError(check.problems)
    frame = pd.DataFrame(records)
    totals = frame.groupby(["indicator", "municipality_code", "year"], as_index=False)[
        "value"
    ].sum()
    records += totals.assign(category="total").to_dict("records")
    return _batch(
        records,
        _source(
            "uitgaven", path, supplier, imported_at, "Uitgaven en begroting (lokale administratie)"
        ),
    )


READERS = {"vrijwilligers": read_volunteers, "uitgaven": read_spend}
