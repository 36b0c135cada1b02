"""`fetch --check`: does every registered table still resolve on the live API? Loads nothing.

Per edition it asks only for TableInfos, DataProperties and the dimension lists, resolves the
measure, the filters and the breakdown by title, and reports what it found or what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

import requests

from data_pipeline.errors import SourceError
from data_pipeline.sources.cbs.client import (
    Client,
    NotFound,
    families_by_table,
    layouts_for,
    make_session,
    metadata_of,
)
from data_pipeline.sources.cbs.registry import HOSTS, tables


@dataclass(frozen=True)
class CheckLine:
    """The outcome for one edition of a table."""

    table_id: str
    ok: bool
    text: str


def _describe(table_id: str, entities: dict[str, dict], layouts: list) -> str:
    info = entities["TableInfos"]["value"][0] if entities["TableInfos"]["value"] else {}
    parts = [
        f"{table_id} {info.get('Title', '')!s} (gewijzigd {str(info.get('Modified', ''))[:10]})"
    ]
    for layout in layouts:
        filters = ", ".join(f"{d}={k}" for d, k in layout.filters.items()) or "geen filters"
        breakdown = (
            f"{layout.breakdown}: {len(layout.categories)} categorieën"
            if layout.breakdown
            else "geen uitsplitsing"
        )
        parts.append(f"meetwaarde {layout.measure}; {filters}; {breakdown}")
    return " — ".join(parts)


def check_tables(
    *,
    only: set[str] | None = None,
    session: requests.Session | None = None,
    base_urls: dict[str, str] | None = None,
    timeout_s: float = 30.0,
    min_interval_s: float = 0.5,
) -> list[CheckLine]:
    """One line per edition: resolves (ok) or what does not; a family without any edition fails."""
    client = Client(session or make_session(), timeout_s, min_interval_s)
    roots = {**HOSTS, **(base_urls or {})}
    lines = []
    for table_id, families in families_by_table(only).items():
        try:
            entities = metadata_of(client, table_id, families[0].url(table_id, roots))
            layouts = layouts_for(families, table_id, entities)
            lines.append(CheckLine(table_id, True, _describe(table_id, entities, layouts)))
        except NotFound as missing:
            lines.append(
                CheckLine(table_id, True, f"{missing} (editie niet gepubliceerd; overgeslagen)")
            )
        except SourceError as problem:
            lines.append(CheckLine(table_id, False, str(problem)))
    found = {line.table_id for line in lines if line.ok and "overgeslagen" not in line.text}
    for family in tables(only):
        if not found & set(family.editions):
            lines.append(CheckLine(family.key, False, f"{family.key}: geen enkele editie gevonden"))
    return lines
