"""CBS / RIVM StatLine (OData v3): download tables, save the raw responses, parse them.

`fetch_tables` saves every entity of a table as `<out>/<TableId>/<Entity>.json` (the API's own
`{"odata.metadata": ..., "value": [...]}` shape, pages merged), so a build is reproducible
offline; `load_recorded` parses such a folder into observations with one source record per
table. Network, HTTP and structure problems raise SourceError naming the table.
"""

from __future__ import annotations

import json
import math
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from data_pipeline.errors import SourceError
from data_pipeline.observations import ObservationBatch
from data_pipeline.sources.cbs_registry import HOSTS, TableSpec, tables

SENTINELS = {-99995.0, -99997.0, -99999.0}  # "not available" codes in neighbourhood tables
PROVISIONAL = {"voorlopig", "nader voorlopig"}
Progress = Callable[[str, int], None]  # (table id, rows so far)


def make_session(retries: int = 3, backoff: float = 1.0) -> requests.Session:
    """A session that retries transient failures with exponential backoff (and Retry-After)."""
    retry = Retry(
        total=retries,
        backoff_factor=backoff,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=("GET",),
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retry))
    session.mount("http://", HTTPAdapter(max_retries=retry))
    session.headers["User-Agent"] = "sociaal-kompas-etl (open-source dashboard)"
    return session


@dataclass
class _Client:
    """GETs with a timeout and a polite pause between requests."""

    session: requests.Session
    timeout_s: float
    min_interval_s: float
    _last: float = 0.0

    def get_json(self, table_id: str, url: str, params: dict[str, str] | None = None) -> dict:
        wait = self.min_interval_s - (time.monotonic() - self._last)
        if wait > 0:
            time.sleep(wait)
        self._last = time.monotonic()
        try:
            response = self.session.get(url, params=params, timeout=self.timeout_s)
        except requests.exceptions.Timeout as problem:
            raise SourceError(
                f"{table_id}: no answer from {url} within {self.timeout_s:.0f} s"
            ) from problem
        except requests.exceptions.RequestException as problem:
            raise SourceError(
                f"{table_id}: cannot reach {url} ({type(problem).__name__})"
            ) from problem
        if response.status_code != 200:
            raise SourceError(
                f"{table_id}: HTTP {response.status_code} from {response.url} (after retries)"
            )
        try:
            body = response.json()
        except ValueError as problem:
            raise SourceError(f"{table_id}: {url} did not return JSON") from problem
        if not isinstance(body, dict) or "value" not in body:
            raise SourceError(f"{table_id}: {url} returned JSON without 'value'")
        return body


def region_filter(dimension: str, codes: Iterable[str]) -> str:
    """OData filter on a space-padded region key: startswith matches 'GM0351    '."""
    return " or ".join(f"startswith({dimension},'{code}')" for code in codes)


def _fetch_paged(
    client: _Client,
    spec: TableSpec,
    base_url: str,
    entity: str,
    params: dict[str, str],
    progress: Progress | None,
) -> dict:
    body = client.get_json(spec.table_id, f"{base_url}/{entity}", params)
    rows = list(body["value"])
    while body.get("odata.nextLink"):
        body = client.get_json(spec.table_id, body["odata.nextLink"])
        rows += body["value"]
        if progress:
            progress(spec.table_id, len(rows))
    return {"odata.metadata": body.get("odata.metadata", ""), "value": rows}


def fetch_table(
    spec: TableSpec,
    out_dir: Path,
    region_codes: list[str],
    client: _Client,
    progress: Progress | None = None,
    *,
    roots: dict[str, str] = HOSTS,
) -> Path:
    """Download one table's entities into out_dir/<TableId>, complete or not at all."""
    base_url = spec.url(roots)
    target = out_dir / spec.table_id
    partial = out_dir / f".{spec.table_id}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        entities = {
            name: client.get_json(spec.table_id, f"{base_url}/{name}")
            for name in ("TableInfos", "DataProperties")
        }
        dimensions = [
            p["Key"]
            for p in entities["DataProperties"]["value"]
            if p.get("Type") in ("Dimension", "GeoDimension", "TimeDimension")
        ]
        for dimension in dimensions:
            entities[dimension] = client.get_json(spec.table_id, f"{base_url}/{dimension}")
        filters = [f"({region_filter(spec.region_dimension, region_codes)})"]
        filters += [f"{dim} eq '{key}'" for dim, key in spec.fixed_filters.items()]
        entities["TypedDataSet"] = _fetch_paged(
            client, spec, base_url, "TypedDataSet", {"$filter": " and ".join(filters)}, progress
        )
        for name, body in entities.items():
            (partial / f"{name}.json").write_text(json.dumps(body, ensure_ascii=False), "utf-8")
        meta = {"retrieved_at": datetime.now(UTC).isoformat(timespec="seconds"), "url": base_url}
        (partial / "_meta.json").write_text(json.dumps(meta), "utf-8")
        parse_table(spec, partial)  # a table whose structure changed fails here, not at build
        shutil.rmtree(target, ignore_errors=True)
        partial.rename(target)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return target


def fetch_tables(
    out_dir: Path,
    *,
    region_codes: list[str],
    only: set[str] | None = None,
    session: requests.Session | None = None,
    base_urls: dict[str, str] | None = None,
    progress: Progress | None = None,
    min_interval_s: float = 0.5,
    timeout_s: float = 30.0,
) -> list[Path]:
    """Download the registered tables for the given regions; return the table folders."""
    client = _Client(session or make_session(), timeout_s, min_interval_s)
    roots = {**HOSTS, **(base_urls or {})}  # a test server or mirror may stand in for a host
    out_dir.mkdir(parents=True, exist_ok=True)
    return [
        fetch_table(spec, out_dir, region_codes, client, progress, roots=roots)
        for spec in tables(only)
    ]


def _read_entity(folder: Path, spec: TableSpec, name: str) -> list[dict]:
    path = folder / f"{name}.json"
    try:
        body = json.loads(path.read_text("utf-8"))
    except FileNotFoundError as missing:
        raise SourceError(f"{spec.table_id}: {name}.json is missing in {folder}") from missing
    except ValueError as broken:
        raise SourceError(f"{spec.table_id}: {name}.json is not valid JSON") from broken
    if "value" not in body:
        raise SourceError(f"{spec.table_id}: {name}.json has no 'value'")
    return body["value"]


def measure_key(properties: list[dict], title: str, table_id: str) -> str:
    """The measure's key (e.g. 'Vrijwilligerswerk_33') found by its title in DataProperties."""
    topics = [p for p in properties if p.get("Type") == "Topic"]
    exact = [p["Key"] for p in topics if str(p.get("Title", "")).strip().lower() == title.lower()]
    matches = exact or [
        p["Key"]
        for p in topics
        if str(p.get("Title", "")).strip().lower().startswith(title.lower())
    ]
    if not matches:
        titles = ", ".join(repr(p.get("Title")) for p in topics[:8])
        raise SourceError(
            f"{table_id}: no measure titled {title!r} (found: {titles}); "
            "the table's structure may have changed"
        )
    return matches[0]


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
    return math.nan if value in SENTINELS else value


def category_dimension(spec: TableSpec, properties: list[dict]) -> str | None:
    """The breakdown dimension: named in the registry, else the one plain dimension left."""
    if spec.category_dimension:
        return spec.category_dimension
    plain = [
        p["Key"]
        for p in properties
        if p.get("Type") == "Dimension" and p["Key"] not in spec.fixed_filters
    ]
    return plain[0] if len(plain) == 1 else None


def map_category(spec: TableSpec, key: str, titles: dict[str, str]) -> str | None:
    """Our category for a CBS category key: by key first, then by title."""
    key = key.strip()
    if key in spec.category_map:
        return spec.category_map[key]
    title = titles.get(key, "")
    for cbs, ours in spec.category_map.items():
        if title.lower().startswith(cbs.lower()):
            return ours
    return None


def parse_rows(
    spec: TableSpec,
    rows: list[dict],
    properties: list[dict],
    dimension_titles: dict[str, dict[str, str]],
    provisional: set[str],
) -> pd.DataFrame:
    """Rows of a (Typed or Untyped) DataSet -> observations of the spec's indicator."""
    key = measure_key(properties, spec.measure_title, spec.table_id)
    breakdown = category_dimension(spec, properties)
    records = []
    for row in rows:
        if any(
            str(row.get(dim, "")).strip() != value
            for dim, value in spec.fixed_filters.items()
            if dim in row
        ):
            continue
        year = period_year(str(row.get("Perioden", "")))
        if year is None:
            continue
        if key not in row or spec.region_dimension not in row:
            raise SourceError(
                f"{spec.table_id}: rows lack column {key!r} or "
                f"{spec.region_dimension!r}; the table's structure changed"
            )
        category: str | None = "total"
        if breakdown:
            category = map_category(
                spec, str(row.get(breakdown, "")), dimension_titles.get(breakdown, {})
            )
            if category is None:
                continue
        records.append(
            {
                "municipality_code": str(row[spec.region_dimension]).strip(),
                "year": year,
                "category": category,
                "value": clean_value(row[key]) * spec.scale,
                "is_provisional": str(row["Perioden"]).strip() in provisional,
            }
        )
    frame = pd.DataFrame(
        records, columns=["municipality_code", "year", "category", "value", "is_provisional"]
    )
    # Several CBS categories may map to one of ours (e.g. 'Geen verwijzer' + 'onbekend'); a sum
    # with a missing part would understate the category, so it stays missing. A cell CBS left
    # empty is kept (value NaN): it is a fact that the store shows as 'not published'.
    return frame.groupby(["municipality_code", "year", "category"], as_index=False).agg(
        value=("value", lambda v: v.sum() if v.notna().all() else math.nan),
        is_provisional=("is_provisional", "any"),
    )


def parse_table(spec: TableSpec, folder: Path) -> ObservationBatch:
    """One saved table folder -> observations plus its source record."""
    properties = _read_entity(folder, spec, "DataProperties")
    info = _read_entity(folder, spec, "TableInfos")
    titles = {}
    for prop in properties:
        if (
            prop.get("Type") in ("Dimension", "GeoDimension", "TimeDimension")
            and (folder / f"{prop['Key']}.json").exists()
        ):
            titles[prop["Key"]] = {
                str(r["Key"]).strip(): str(r.get("Title", "")).strip()
                for r in _read_entity(folder, spec, prop["Key"])
            }
    periods = _read_entity(folder, spec, "Perioden") if (folder / "Perioden.json").exists() else []
    provisional = {
        str(p["Key"]).strip()
        for p in periods
        if str(p.get("Status", "")).strip().lower() in PROVISIONAL
    }
    frame = parse_rows(
        spec, _read_entity(folder, spec, "TypedDataSet"), properties, titles, provisional
    )
    source = _source_record(spec, info[0] if info else {}, folder)
    observations = frame.assign(
        indicator=spec.indicator, source_id=source["source_id"], is_demo=False
    )
    return ObservationBatch(observations, pd.DataFrame([source]))


def _source_record(spec: TableSpec, info: dict, folder: Path) -> dict:
    meta_path = folder / "_meta.json"
    meta = json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {}
    modified = str(info.get("Modified") or "")[:10]
    return {
        "source_id": f"cbs:{spec.table_id}",
        "kind": "official",
        "publisher": spec.publisher,
        "title": str(info.get("Title") or spec.table_id).strip(),
        "reference": spec.table_id,
        "published_on": modified,
        "retrieved_at": meta.get("retrieved_at", ""),
        "licence": "CC BY 4.0",
        "url": meta.get("url", spec.url(HOSTS)),
        "is_demo": False,
    }


def load_recorded(folder: Path, only: set[str] | None = None) -> ObservationBatch:
    """Parse every registered table present in `folder` (tables absent there are skipped)."""
    batches = [
        parse_table(spec, folder / spec.table_id)
        for spec in tables(only)
        if (folder / spec.table_id).is_dir()
    ]
    return ObservationBatch.concat(batches)


def load_fetched(settings: Any, _municipalities: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Loader: the tables saved in the raw folder by `fetch` (none yet: nothing to add)."""
    batch = load_recorded(settings.raw_dir) if settings.raw_dir.is_dir() else ObservationBatch()
    return {"observations": batch.observations, "sources": batch.sources}


def replay_folder(source: Path, raw_dir: Path, only: set[str] | None = None) -> list[Path]:
    """Check recorded responses in `source`, then copy their table folders into raw_dir."""
    checked = [spec for spec in tables(only) if (source / spec.table_id).is_dir()]
    if not checked:
        raise SourceError(
            f"{source}: no folder of a registered table "
            f"({', '.join(s.table_id for s in tables(only))})"
        )
    for spec in checked:
        parse_table(spec, source / spec.table_id)  # structure problems surface before copying
    raw_dir.mkdir(parents=True, exist_ok=True)
    copied = []
    for spec in checked:
        partial = raw_dir / f".{spec.table_id}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        shutil.copytree(source / spec.table_id, partial)
        shutil.rmtree(raw_dir / spec.table_id, ignore_errors=True)
        partial.rename(raw_dir / spec.table_id)
        copied.append(raw_dir / spec.table_id)
    return copied
