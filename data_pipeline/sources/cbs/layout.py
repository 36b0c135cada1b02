"""How one edition of a StatLine table maps onto a registered family, read from its metadata.

`resolve_layout` finds, by title, the measure, the key of every filtered dimension value and the
breakdown's categories, and names whatever does not resolve. Both the data fetch and
`fetch --check` use it, so a check that passes means the fetch will find what it needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from data_pipeline.errors import SourceError
from data_pipeline.sources.cbs.registry import TableFamily

DIMENSION_TYPES = ("Dimension", "GeoDimension", "TimeDimension")


@dataclass(frozen=True)
class Layout:
    """Keys of one edition: measure, region and period columns, filters and categories."""

    table_id: str
    measure: str
    region: str
    period: str
    breakdown: str | None
    filters: dict[str, str]  # dimension -> key
    categories: dict[str, str]  # CBS key -> our category
    groups: dict[str, tuple[str, ...]]  # key of a group of the table -> keys of its members
    group_titles: dict[str, str]  # key of a group -> its title, for messages


def _title(row: dict) -> str:
    return str(row.get("Title", "")).strip().lower()


def measure_key(properties: list[dict], title: str, table_id: str) -> str:
    """The measure's key (e.g. 'Vrijwilligerswerk_33') found by its title in DataProperties."""
    topics = [p for p in properties if p.get("Type") == "Topic"]
    exact = [p["Key"] for p in topics if _title(p) == title.lower()]
    matches = exact or [p["Key"] for p in topics if _title(p).startswith(title.lower())]
    if not matches:
        titles = ", ".join(repr(p.get("Title")) for p in topics[:8])
        raise SourceError(
            f"{table_id}: no measure titled {title!r} (found: {titles}); "
            "the table's structure may have changed"
        )
    return matches[0]


def _one(properties: list[dict], kind: str, table_id: str) -> str:
    keys = [p["Key"] for p in properties if p.get("Type") == kind]
    if len(keys) != 1:
        raise SourceError(f"{table_id}: expected one {kind}, found {keys or 'none'}")
    return keys[0]


def _key_by_title(entries: list[dict], title: str) -> str | None:
    found = [str(e["Key"]).strip() for e in entries if _title(e) == title.lower()]
    return found[0] if found else None


def _categories(family: TableFamily, entries: list[dict]) -> dict[str, str]:
    """CBS key -> our category: by key first, then by exact title, then by title prefix."""
    mapped = {}
    for entry in entries:
        key, title = str(entry["Key"]).strip(), _title(entry)
        ours = family.category_map.get(key)
        ours = ours or next((v for k, v in family.category_map.items() if k.lower() == title), None)
        ours = ours or next(
            (v for k, v in family.category_map.items() if title.startswith(k.lower())), None
        )
        if ours:
            mapped[key] = ours
    return mapped


def _breakdown(
    family: TableFamily, plain: list[str], entities: dict[str, list[dict]], table_id: str
) -> str | None:
    """The breakdown: named in the registry, else the plain dimension whose values match it."""
    if family.category_dimension:
        return family.category_dimension
    if not family.category_map:
        return None
    matching = [d for d in plain if _categories(family, entities.get(d, []))]
    if len(matching) != 1:
        raise SourceError(
            f"{table_id}: cannot tell the breakdown among {plain} "
            f"({len(matching)} match the registry's categories)"
        )
    return matching[0]


def _groups(family: TableFamily, entries: list[dict], table_id: str) -> dict[str, tuple[str, ...]]:
    groups = {}
    for group, members in family.group_checks.items():
        group_key = _key_by_title(entries, group)
        member_keys = [_key_by_title(entries, member) for member in members]
        if group_key and all(member_keys):
            groups[group_key] = tuple(k for k in member_keys if k)
    return groups


def resolve_layout(
    family: TableFamily, table_id: str, properties: list[dict], entities: dict[str, list[dict]]
) -> Layout:
    """Resolve an edition's keys by title; SourceError names every part that does not resolve."""
    measure = measure_key(properties, family.measure_title, table_id)
    region = _one(properties, "GeoDimension", table_id)
    period = _one(properties, "TimeDimension", table_id)
    dimensions = [p["Key"] for p in properties if p.get("Type") == "Dimension"]
    problems, filters = [], {}
    for dimension, title in family.filters.items():
        key = _key_by_title(entities.get(dimension, []), title) if dimension in dimensions else None
        if key is None:
            problems.append(f"filter {dimension} = {title!r} not found")
        filters[dimension] = key or ""
    plain = [d for d in dimensions if d not in family.filters]
    breakdown = _breakdown(family, plain, entities, table_id)
    unaccounted = [d for d in plain if d != breakdown]
    if unaccounted:
        problems.append(
            f"dimension(s) {', '.join(unaccounted)} neither filtered nor the breakdown: "
            "its values would be added up"
        )
    if problems:
        raise SourceError(f"{table_id}: " + "; ".join(problems))
    entries = entities.get(breakdown, []) if breakdown else []
    categories = _categories(family, entries) if breakdown else {}
    if breakdown and not categories:
        raise SourceError(f"{table_id}: no category of {breakdown} matches the registry")
    groups = _groups(family, entries, table_id)
    titles = {str(e["Key"]).strip(): str(e.get("Title", "")).strip() for e in entries}
    return Layout(
        table_id,
        measure,
        region,
        period,
        breakdown,
        filters,
        categories,
        groups,
        {key: titles.get(key, key) for key in groups},
    )
