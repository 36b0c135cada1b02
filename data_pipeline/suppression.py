"""Small-cell suppression for people counts, across every additive relation a user can see.

A page shows a region's breakdown (the total and its categories) and also the same category
for a province and each of its municipalities, or for the country. Each of those is an additive
relation: total = sum of parts. If a hidden cell were the only unknown in any one of them, a
reader could recover it by subtraction, and then use it to peel open the next relation.

So, as statistical offices do:
- primary: a cell with 1..threshold-1 people is hidden (a zero discloses nothing about a
  person); a small total hides its whole breakdown;
- secondary: while some relation has exactly one unknown cell and that cell is one we hid,
  also hide the smallest other published part of that relation (a non-zero part first, the
  total last). Cells the source never published count as unknown too.
The loop only ever adds cells, so it ends; afterwards no relation has a lone hidden cell.

Across releases (pinned links keep earlier releases reachable): a cell hidden in any kept
release stays hidden, and a cell a kept release published counts as known even where this
release hides it, so it is never chosen as a complement that is supposed to protect another.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

Cell = tuple[str, str, int, str]  # indicator, region, year, category
TOTAL = "total"


@dataclass(frozen=True)
class Relation:
    """One additive relation: `total` equals the sum of `parts`."""

    total: Cell
    parts: tuple[Cell, ...]

    def members(self) -> tuple[Cell, ...]:
        """The total and the parts."""
        return (self.total, *self.parts)


def category_relations(
    cells: Iterable[Cell], categories: Mapping[str, list[str]]
) -> list[Relation]:
    """Per indicator, region and year: the total equals the sum of the declared categories."""
    groups = sorted({(indicator, region, year) for indicator, region, year, _ in cells})
    return [
        Relation(
            (indicator, region, year, TOTAL),
            tuple((indicator, region, year, part) for part in categories[indicator]),
        )
        for indicator, region, year in groups
        if categories.get(indicator)
    ]


# A parent region, the year its membership holds (None: every year) and its member regions.
Hierarchy = list[tuple[str, int | None, list[str]]]


def region_relations(cells: Iterable[Cell], hierarchy: Hierarchy) -> list[Relation]:
    """Per indicator, year and category: a parent region equals the sum of its child regions.

    Only relations a reader could use are kept: the parent or one of its members has a cell.
    """
    present = set(cells)
    keys = sorted({(indicator, year, category) for indicator, _, year, category in present})
    by_year: dict[int | None, list[tuple[str, list[str]]]] = {}
    for parent, year, members in hierarchy:
        by_year.setdefault(year, []).append((parent, members))
    relations = []
    for indicator, year, category in keys:
        for parent, members in by_year.get(year, []) + by_year.get(None, []):
            total = (indicator, parent, year, category)
            parts = tuple((indicator, child, year, category) for child in members)
            if members and (total in present or any(part in present for part in parts)):
                relations.append(Relation(total, parts))
    return relations


def _is_known(values: Mapping[Cell, float], cell: Cell) -> bool:
    value = values.get(cell)
    return value is not None and not math.isnan(value)


def primary_cells(values: Mapping[Cell, float], threshold: int) -> set[Cell]:
    """Cells of 1..threshold-1 people, plus every part of a breakdown whose total is small."""
    small = {
        cell for cell, value in values.items() if _is_known(values, cell) and 0 < value < threshold
    }
    small_totals = {cell[:3] for cell in small if cell[3] == TOTAL}
    return small | {cell for cell in values if cell[:3] in small_totals}


@dataclass(frozen=True)
class Earlier:
    """What kept releases show: cells they hid, cells they published (known to a visitor)."""

    hidden: frozenset[Cell] = frozenset()
    published: frozenset[Cell] = frozenset()


NO_HISTORY = Earlier()


def _unknowns(
    relation: Relation, values: Mapping[Cell, float], hidden: set[Cell], earlier: Earlier
) -> list[Cell]:
    """Members a visitor cannot read in this release nor in any kept one."""
    return [
        cell
        for cell in relation.members()
        if (cell in hidden or not _is_known(values, cell)) and cell not in earlier.published
    ]


def _complement(
    relation: Relation, values: Mapping[Cell, float], hidden: set[Cell], earlier: Earlier
) -> Cell | None:
    """The published cell to hide next to a lone hidden one: the smallest non-zero part first;
    never one a kept release already published (hiding it now would protect nothing)."""
    candidates = [
        cell
        for cell in relation.members()
        if cell not in hidden and _is_known(values, cell) and cell not in earlier.published
    ]
    parts = [cell for cell in candidates if cell != relation.total]
    parts.sort(key=lambda part: (values[part] == 0, values[part], part))
    return parts[0] if parts else (relation.total if relation.total in candidates else None)


def exposed(
    values: Mapping[Cell, float],
    relations: list[Relation],
    hidden: set[Cell],
    earlier: Earlier = NO_HISTORY,
) -> list[Relation]:
    """Relations in which a hidden cell is the only unknown (it could be subtracted out)."""
    protected = hidden | earlier.hidden
    found = []
    for relation in relations:
        unknown = _unknowns(relation, values, hidden, earlier)
        if len(unknown) == 1 and unknown[0] in protected:
            found.append(relation)
    return found


def suppress(
    values: Mapping[Cell, float],
    relations: list[Relation],
    threshold: int,
    earlier: Earlier = NO_HISTORY,
) -> set[Cell]:
    """The cells to hide so that no relation ever has exactly one hidden unknown, in this
    release together with every kept one."""
    hidden = primary_cells(values, threshold) | (earlier.hidden & set(values))
    protected = hidden | earlier.hidden
    changed = True
    while changed:
        changed = False
        for relation in relations:
            unknown = _unknowns(relation, values, hidden, earlier)
            if len(unknown) == 1 and unknown[0] in protected:
                extra = _complement(relation, values, hidden, earlier)
                if extra is not None:  # else the audit fails the build: nothing is published
                    hidden.add(extra)
                    protected.add(extra)
                    changed = True
    return hidden


def relations_of(
    values: Mapping[Cell, float],
    categories: Mapping[str, list[str]],
    hierarchy: Hierarchy,
) -> list[Relation]:
    """Every additive relation: categories within regions, regions within their parents."""
    return category_relations(values, categories) + region_relations(values, hierarchy)


def suppress_small_cells(
    observations: pd.DataFrame,
    *,
    threshold: int,
    categories: Mapping[str, list[str]],
    hierarchy: Hierarchy,
    earlier: Earlier = NO_HISTORY,
) -> pd.DataFrame:
    """Observations with `is_suppressed` set, hidden values removed and marked with 'x'.

    Only indicators in `categories` (people counts, mapped to their non-total categories) are
    suppressed; `hierarchy` lists each parent region with the regions that add up to it.
    """
    if threshold < 1:
        raise ValueError("suppression threshold must be at least 1")
    result = observations.copy()
    eligible = result[result["indicator"].isin(list(categories))]
    values: dict[Cell, float] = {
        (row.indicator, row.municipality_code, int(row.year), row.category): float(row.value)
        for row in eligible.itertuples(index=False)
    }
    # relations over the cells of this release and of the kept ones (a region or year only an
    # earlier release has still ties its cells together)
    earlier_cells = dict.fromkeys([*earlier.hidden, *earlier.published], math.nan)
    cells = {**earlier_cells, **values}
    hidden = suppress(cells, relations_of(cells, categories, hierarchy), threshold, earlier)
    keys = zip(
        result["indicator"],
        result["municipality_code"],
        result["year"].astype(int),
        result["category"],
        strict=True,
    )
    result["is_suppressed"] = pd.Series(
        [key in hidden for key in keys], index=result.index, dtype="bool"
    )
    result.loc[result["is_suppressed"], "value"] = float("nan")
    result.loc[result["is_suppressed"], "cell_symbol"] = "x"
    return result
