"""A headline KPI's definition and its changes: against which year, and whether to judge them.

A change is judged ('gunstig' / 'ongunstig') only between two real values of one series and
only when they are further apart than the publisher's rounding allows; with a generated value
on either side it carries the sample marker and no verdict; across a change of series it is a
break, not a change; a provisional side is said.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from dashboard.text.labels import NO_DATA, SAMPLE_BADGE, format_euro, format_number, signed
from dashboard.text.narrative import SMALL_BASE


@dataclass(frozen=True)
class KpiDefinition:
    """What a headline indicator means and how to read its direction (from data/reference)."""

    kpi: str
    title: str
    unit: str
    definition: str
    higher_is_better: bool
    decimals: int = 0
    rate_unit: str | None = None
    rate_decimals: int = 1
    reference_label: str | None = None  # e.g. the budget, shown beside the value
    short_title: str = ""  # a phone's tile: 'Jeugdzorg'

    @classmethod
    def from_row(cls, row: dict) -> KpiDefinition:
        """Built from a kpi_definitions row."""
        rate_unit, reference = row.get("rate_unit"), row.get("reference_label")
        return cls(
            kpi=row["kpi"],
            title=row["title_nl"],
            short_title=row.get("short_title_nl") or row["title_nl"],
            unit=row["unit_nl"],
            definition=row["definition_nl"],
            higher_is_better=bool(row["higher_is_better"]),
            decimals=int(row.get("value_decimals") or 0),
            rate_unit=rate_unit if isinstance(rate_unit, str) else None,
            rate_decimals=int(number(row.get("rate_decimals")) or 0),
            reference_label=reference if isinstance(reference, str) else None,
        )


@dataclass(frozen=True)
class Change:
    """A change against an earlier year, with its direction spelled out."""

    label: str  # 't.o.v. 2021'
    text: str | None  # '−7,2%' or None when not computable
    verdict: str | None  # 'gunstig' | 'ongunstig' | 'gelijk' | None (no judgement)
    note: str | None = None  # why there is no verdict


def number(value: object) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)  # type: ignore[arg-type]


def format_kpi_value(definition: KpiDefinition, value: float | None) -> str:
    """The card's main number with its unit."""
    if value is None:
        return NO_DATA
    if definition.unit == "euro":
        return format_euro(value)
    if definition.unit == "%":
        return f"{format_number(value, definition.decimals)}%"
    return f"{format_number(value, definition.decimals)} {definition.unit}"


def _change_text(definition: KpiDefinition, current: float, earlier: float) -> str:
    difference = current - earlier
    if definition.unit == "%":
        return signed(difference, f"{format_number(abs(difference), 1)} procentpunt")
    if abs(earlier) < SMALL_BASE or earlier == 0:
        return signed(difference, format_number(abs(difference), definition.decimals))
    change = 100.0 * difference / earlier
    return signed(change, f"{format_number(abs(change), 1)}%")


@dataclass(frozen=True)
class Side:
    """One side of a comparison: a value, whether it is generated, and its sources."""

    value: float | None
    is_demo: bool
    sources: tuple[str, ...]
    low: float | None = None  # where the value can lie, given the publisher's rounding
    high: float | None = None
    is_provisional: bool = False

    def interval(self) -> tuple[float, float] | None:
        """The rounding interval, when both ends are known."""
        if self.low is None or self.high is None:
            return None
        return (self.low, self.high)


def within_rounding(current: Side, earlier: Side) -> bool:
    """Could the publisher's rounding alone explain the difference (the intervals overlap)?"""
    a, b = current.interval(), earlier.interval()
    if a is None or b is None:
        return current.value == earlier.value
    return a[0] <= b[1] and b[0] <= a[1]


def change_against(definition: KpiDefinition, current: Side, earlier: Side, label: str) -> Change:
    """Change as text, judged only when both sides are real, of one series, and further apart
    than the publisher's rounding allows; a provisional side is said."""
    if current.value is None or earlier.value is None:
        return Change(label, None, None)
    text = _change_text(definition, current.value, earlier.value)
    if set(current.sources) != set(earlier.sources):
        return Change(label, None, None, "breuk in de reeks: de bron telt anders")
    if current.is_demo or earlier.is_demo:
        return Change(label, text, None, f"{SAMPLE_BADGE.lower()}: geen oordeel")
    provisional = "; voorlopige cijfers" if current.is_provisional or earlier.is_provisional else ""
    if within_rounding(current, earlier):
        return Change(
            label, text, None, f"binnen de afronding van de bron: geen oordeel{provisional}"
        )
    better = (current.value > earlier.value) == definition.higher_is_better
    return Change(
        label, text, "gunstig" if better else "ongunstig", provisional.lstrip("; ") or None
    )


def _ids(value: object) -> tuple[str, ...]:
    """Source ids from a list column (a list or array; missing -> none)."""
    if not isinstance(value, Iterable) or isinstance(value, str):
        return ()
    return tuple(str(v) for v in value)


def _sides(row: dict, prefix: str, value_column: str) -> Side:
    """One side of a comparison; its 'sources' are the series it belongs to (a change of
    series is a break, a new table of the same series is not)."""
    return Side(
        number(row.get(value_column)),
        bool(row.get(f"{prefix}is_demo") is True),
        _ids(row.get(f"{prefix}series_keys")),
        number(row.get(f"{prefix}value_low")),
        number(row.get(f"{prefix}value_high")),
        bool(row.get(f"{prefix}is_provisional") is True),
    )


def kpi_changes(definition: KpiDefinition, row: dict, year: int) -> list[Change]:
    """The change against the previous known year and against the baseline (a case's start)."""
    current = _sides(row, "", "value")
    previous = number(row.get("previous_year"))
    changes = []
    if previous is not None:
        earlier = _sides(row, "previous_", "value_previous_year")
        changes.append(change_against(definition, current, earlier, f"t.o.v. {int(previous)}"))
    baseline = number(row.get("baseline_year"))
    if baseline is not None and baseline < year:
        label = f"t.o.v. {int(row['baseline_year'])} ({row.get('baseline_label')})"
        changes.append(
            change_against(definition, current, _sides(row, "baseline_", "value_baseline"), label)
        )
    return changes
