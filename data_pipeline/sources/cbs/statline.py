"""CBS / RIVM StatLine (OData v3): saved responses parsed into observations, per family.

A saved table is a folder `<raw>/<TableId>/<Entity>.json` in the API's own
`{"odata.metadata": ..., "value": [...]}` shape (cbs_client.py writes them; `fetch --from-dir`
copies them). Every registered family present is parsed with the layout its edition's metadata
resolves to; per year the newest edition that has the year is kept. Structure problems raise
SourceError naming the table.
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path
from typing import Any

import pandas as pd

from data_pipeline.errors import SourceError
from data_pipeline.observations import ObservationBatch
from data_pipeline.sources.cbs.layout import DIMENSION_TYPES, Layout, resolve_layout
from data_pipeline.sources.cbs.registry import HOSTS, TableFamily, table_ids, tables

SENTINELS = {-99995.0, -99997.0, -99999.0}  # "not available" codes in neighbourhood tables
PROVISIONAL = {"voorlopig", "nader voorlopig"}


def read_entity(folder: Path, table_id: str, name: str) -> list[dict]:
    """The rows of one saved entity; SourceError names a missing or broken file."""
    path = folder / f"{name}.json"
    try:
        body = json.loads(path.read_text("utf-8"))
    except FileNotFoundError as missing:
        raise SourceError(f"{table_id}: {name}.json is missing in {folder}") from missing
    except ValueError as broken:
        raise SourceError(f"{table_id}: {name}.json is not valid JSON") from broken
    if not isinstance(body, dict) or not isinstance(body.get("value"), list):
        raise SourceError(f"{table_id}: {name}.json has no 'value' list")
    return body["value"]


def period_year(period: str) -> int | None:
    """'2019JJ00' -> 2019; months, quarters and half-years -> None (not yearly figures)."""
    period = period.strip()
    return int(period[:4]) if len(period) == 8 and period[4:6] == "JJ" else None


def clean_value(raw: Any) -> float:
    """A number from TypedDataSet (null), UntypedDataSet ('.', '   38.0') or a sentinel -> NaN."""
    if raw is None:
        return math.nan
    if isinstance(raw, str):
        raw = raw.strip()
        if raw in ("", ".", "x", "-"):
            return math.nan
        raw = raw.replace(",", ".")
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return math.nan
    return math.nan if value in SENTINELS or not math.isfinite(value) else value


def saved_entities(folder: Path, table_id: str, properties: list[dict]) -> dict[str, list[dict]]:
    """The saved dimension entities of a table (the region list may be left out)."""
    return {
        p["Key"]: read_entity(folder, table_id, p["Key"])
        for p in properties
        if p.get("Type") in DIMENSION_TYPES and (folder / f"{p['Key']}.json").exists()
    }


def _keep(row: dict, layout: Layout) -> bool:
    return all(str(row.get(dim, "")).strip() == key for dim, key in layout.filters.items())


def _check_groups(frame: pd.DataFrame, layout: Layout) -> None:
    """The table's own groups must equal the sum of their members (e.g. 0 tot 5 = 0..4 jaar)."""
    for group, members in layout.groups.items():
        sums = frame[frame["key"].isin(members)].groupby(["municipality_code", "year"])["value"]
        totals = frame[frame["key"] == group].set_index(["municipality_code", "year"])["value"]
        difference = (sums.sum(min_count=len(members)) - totals).abs().dropna()
        if (difference > 0.5).any():
            raise SourceError(
                f"{layout.table_id}: the single years do not add up to the table's own group "
                f"{layout.group_titles.get(group, group)!r} (e.g. {difference.idxmax()}); "
                "the keys may have changed"
            )


def parse_rows(
    family: TableFamily, layout: Layout, rows: list[dict], provisional: set[str]
) -> pd.DataFrame:
    """Rows of a (Typed or Untyped) DataSet -> observations of the family's indicator."""
    records = []
    for row in rows:
        if not _keep(row, layout):
            continue
        year = period_year(str(row.get(layout.period, "")))
        if year is None:
            continue
        if layout.measure not in row or layout.region not in row:
            raise SourceError(
                f"{layout.table_id}: rows lack column {layout.measure!r} or {layout.region!r}; "
                "the table's structure changed"
            )
        key = str(row.get(layout.breakdown, "")).strip() if layout.breakdown else ""
        records.append(
            {
                "municipality_code": str(row[layout.region]).strip(),
                "year": year,
                "key": key,
                "category": layout.categories.get(key) if layout.breakdown else "total",
                "value": clean_value(row[layout.measure]) * family.scale,
                "is_provisional": str(row[layout.period]).strip() in provisional,
            }
        )
    frame = pd.DataFrame(
        records, columns=["municipality_code", "year", "key", "category", "value", "is_provisional"]
    )
    _check_groups(frame, layout)
    # Several CBS categories may map to one of ours (e.g. 'Geen verwijzer' + 'onbekend', or the
    # single years 0-17); a sum with a missing part would understate it, so it stays missing. A
    # cell CBS left empty is kept (value NaN): a fact the store shows as 'not published'.
    return (
        frame.dropna(subset=["category"])
        .groupby(["municipality_code", "year", "category"], as_index=False)
        .agg(
            value=("value", lambda v: v.sum() if v.notna().all() else math.nan),
            is_provisional=("is_provisional", "any"),
        )
    )


def edition_layout(family: TableFamily, folder: Path, table_id: str) -> Layout:
    """The layout of a saved edition, resolved from its saved metadata."""
    properties = read_entity(folder, table_id, "DataProperties")
    entities = saved_entities(folder, table_id, properties)
    return resolve_layout(family, table_id, properties, entities)


def parse_edition(
    family: TableFamily, folder: Path, table_id: str | None = None
) -> ObservationBatch:
    """One saved edition of a family (folder named by its table id) -> observations, source."""
    table_id = table_id or folder.name
    layout = edition_layout(family, folder, table_id)
    info = read_entity(folder, table_id, "TableInfos")
    periods = (
        read_entity(folder, table_id, "Perioden") if (folder / "Perioden.json").exists() else []
    )
    provisional = {
        str(p["Key"]).strip()
        for p in periods
        if str(p.get("Status", "")).strip().lower() in PROVISIONAL
    }
    frame = parse_rows(family, layout, read_entity(folder, table_id, "TypedDataSet"), provisional)
    source = _source_record(family, table_id, info[0] if info else {}, folder)
    observations = frame.assign(
        indicator=family.indicator, source_id=source["source_id"], is_demo=False
    )
    return ObservationBatch(observations, pd.DataFrame([source]))


def _source_record(family: TableFamily, table_id: str, info: dict, folder: Path) -> dict:
    meta_path = folder / "_meta.json"
    meta = json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {}
    return {
        "source_id": f"cbs:{table_id}",
        "kind": "official",
        "publisher": family.publisher,
        "title": str(info.get("Title") or table_id).strip(),
        "reference": table_id,
        "published_on": str(info.get("Modified") or "")[:10],
        "retrieved_at": meta.get("retrieved_at", ""),
        "licence": "CC BY 4.0",
        "url": meta.get("url", family.url(table_id, HOSTS)),
        "is_demo": False,
    }


def newest_edition_per_year(
    family: TableFamily, batches: dict[str, ObservationBatch]
) -> ObservationBatch:
    """Per year, the rows of the newest edition (latest in the registry) that has the year."""
    ranked = []
    for rank, table_id in enumerate(family.editions):
        if table_id in batches:
            ranked.append(batches[table_id].observations.assign(edition_rank=rank))
    if not ranked:
        return ObservationBatch()
    rows = pd.concat(ranked, ignore_index=True)
    newest = rows.groupby("year")["edition_rank"].transform("max")
    kept = rows[rows["edition_rank"] == newest].drop(columns="edition_rank")
    sources = pd.concat([b.sources for b in batches.values()], ignore_index=True)
    return ObservationBatch(kept, sources[sources["source_id"].isin(kept["source_id"])])


def load_recorded(folder: Path, only: set[str] | None = None) -> ObservationBatch:
    """Parse every registered family with an edition present in `folder` (others are skipped)."""
    batches = []
    for family in tables(only):
        editions = {
            table_id: parse_edition(family, folder / table_id)
            for table_id in family.editions
            if (folder / table_id).is_dir()
        }
        batches.append(newest_edition_per_year(family, editions))
    return ObservationBatch.concat(batches)


def load_fetched(settings: Any, _municipalities: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Loader: the tables saved in the raw folder by `fetch` (none yet: nothing to add)."""
    batch = load_recorded(settings.raw_dir) if settings.raw_dir.is_dir() else ObservationBatch()
    return {"observations": batch.observations, "sources": batch.sources}


def replay_folder(source: Path, raw_dir: Path, only: set[str] | None = None) -> list[Path]:
    """Check recorded responses in `source` (any edition of a family), then copy them in."""
    families = tables(only)
    present = [t for t in table_ids(families) if (source / t).is_dir()]
    if not present:
        raise SourceError(
            f"{source}: no folder of a registered table ({', '.join(table_ids(families))})"
        )
    for family in families:  # structure problems surface before anything is copied
        for table_id in family.editions:
            if table_id in present:
                parse_edition(family, source / table_id)
    raw_dir.mkdir(parents=True, exist_ok=True)
    copied = []
    for table_id in present:
        partial = raw_dir / f".{table_id}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        shutil.copytree(source / table_id, partial)
        shutil.rmtree(raw_dir / table_id, ignore_errors=True)
        partial.rename(raw_dir / table_id)
        copied.append(raw_dir / table_id)
    return copied
