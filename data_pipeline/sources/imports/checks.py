"""Checks of one imported file's rows, each problem named by file, row and field, in Dutch.

The report is capped: after MAX_PER_FIELD problems in one field the rest is counted, not
listed, so a large broken file gives a readable answer instead of millions of lines.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from data_pipeline.errors import Problem
from data_pipeline.sources.imports.file_rows import Row, display_name

MAX_PER_FIELD = 20
# One grammar for amounts written as text (docs/import-templates.md): ASCII digits only, an
# optional minus, thousands grouped by '.' with a decimal comma (Dutch) or by ',' with a
# decimal point, or no grouping at all; at most two decimals (cents). '1,234' and '1.234,5678'
# are refused: a reader cannot tell whether the three digits are thousands or decimals.
AMOUNT = re.compile(
    r"-?([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,[0-9]{1,2})?|-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]{1,2})?",
    re.ASCII,
)
# Plausible upper bounds: no municipality spends a hundred billion euro or registers ten
# million volunteers; beyond them a value is a typing error (or 1e300 that breaks the pages).
MAX_AMOUNT_EUR = 1e11
MAX_COUNT = 1e7


def parse_amount(text: str) -> float:
    """'1.234.567,89', '1234567.89', '€ 1.234', '1 234' -> float; ValueError otherwise.

    Only ASCII digits with one kind of thousands separator and one decimal mark pass: 'nan',
    'inf', '1e309', '1_000', Arabic-Indic or full-width digits and '1,234' are not amounts.
    """
    cleaned = re.sub(r"[€\s\u00a0]", "", text)
    if not AMOUNT.fullmatch(cleaned) or re.fullmatch(r"-?[0-9]{1,3},[0-9]{3}", cleaned):
        raise ValueError(text)
    if "," in cleaned and "." in cleaned:
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif "," in cleaned:
        parts = cleaned.split(",")
        # '1,234,567' is thousands; '12,5' (or '1,234' with one comma) is a decimal comma
        cleaned = cleaned.replace(",", "") if len(parts) > 2 else cleaned.replace(",", ".")
    elif cleaned.count(".") > 1 or re.fullmatch(r"-?\d{1,3}(\.\d{3})+", cleaned):
        cleaned = cleaned.replace(".", "")  # dots as thousands separators: 1.234 is 1234
    value = float(cleaned)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


class Checker:
    """Collects the problems of one file (capped per field) and checks common fields."""

    def __init__(self, path: Path) -> None:
        self.name = display_name(path)
        self.problems: list[Problem] = []
        self._per_field: Counter[str | None] = Counter()

    def add(self, row: int | None, field: str | None, message: str) -> None:
        self._per_field[field] += 1
        if self._per_field[field] <= MAX_PER_FIELD:
            self.problems.append(Problem(self.name, row, field, message))

    def report(self) -> list[Problem]:
        """The listed problems, plus one line per field with how many more there were."""
        more = [
            Problem(
                self.name, None, field, f"en nog {count - MAX_PER_FIELD} problemen zoals hierboven"
            )
            for field, count in self._per_field.items()
            if count > MAX_PER_FIELD
        ]
        return self.problems + more

    def columns(self, header: list[str], required: list[str]) -> bool:
        for column in required:
            if column not in header:
                self.add(1, column, "kolom ontbreekt")
        for column in header:
            if column and column not in required:
                self.add(1, column, f"onbekende kolom (verwacht: {', '.join(required)})")
        return not self.problems

    def code(self, row: Row, known: set[str]) -> str | None:
        code = row.values.get("gemeentecode", "").upper()
        if not code:
            self.add(row.number, "gemeentecode", "waarde ontbreekt")
        elif code not in known:
            self.add(row.number, "gemeentecode", f"onbekende gemeentecode '{code[:20]}'")
        else:
            return code
        return None

    def year(self, row: Row, first: int, last: int) -> int | None:
        raw = row.values.get("jaar", "")
        if not raw:
            self.add(row.number, "jaar", "waarde ontbreekt")
            return None
        if not (raw.isascii() and raw.isdigit() and len(raw) == 4):
            self.add(row.number, "jaar", f"geen jaartal: '{raw[:20]}'")
            return None
        if not first <= int(raw) <= last:
            self.add(row.number, "jaar", f"jaar {raw} ligt buiten {first}-{last}")
            return None
        return int(raw)

    def choice(self, row: Row, field: str, allowed: Mapping[str, object]) -> str | None:
        raw = row.values.get(field, "").strip().lower()
        if raw in allowed:
            return raw
        message = (
            "waarde ontbreekt"
            if not raw
            else f"onbekende waarde '{raw[:40]}' (toegestaan: {', '.join(allowed)})"
        )
        self.add(row.number, field, message)
        return None

    def number(
        self, row: Row, field: str, *, optional: bool = False, maximum: float = MAX_AMOUNT_EUR
    ) -> float | None:
        """A non-negative number up to `maximum`: a workbook's numeric cell as it is, a text
        by the one amount grammar."""
        raw = row.values.get(field, "")
        if not raw:
            if not optional:
                self.add(row.number, field, "waarde ontbreekt")
            return None
        value: float | None = row.numbers.get(field)
        if value is None:
            try:
                value = parse_amount(raw)
            except ValueError:
                self.add(row.number, field, f"geen getal: '{raw[:40]}'")
                return None
        if not math.isfinite(value):
            self.add(row.number, field, f"geen getal: '{raw[:40]}'")
            return None
        if value < 0:
            self.add(row.number, field, f"negatief getal {raw[:40]}")
            return None
        if value > maximum:
            self.add(row.number, field, f"onwaarschijnlijk groot getal: {raw[:40]}")
            return None
        return value

    def duplicate(self, row: Row, key: tuple, seen: dict[tuple, int], fields: str) -> None:
        if key in seen:
            self.add(row.number, fields, f"dubbel: staat ook op regel {seen[key]}")
        else:
            seen[key] = row.number
