"""Talking to StatLine: download editions of the registered tables, or only check them.

`fetch_tables` saves every entity of an edition as `<out>/<TableId>/<Entity>.json` (the API's
own shape, pages merged), complete or not at all. `check_tables` asks only for metadata and
dimension lists and reports, per edition, whether the measure, every filter and the breakdown
resolve: what a user runs first on a machine with internet. Network and HTTP problems raise
SourceError naming the table.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from data_pipeline.errors import SourceError
from data_pipeline.sources.cbs.layout import Layout, resolve_layout
from data_pipeline.sources.cbs.registry import HOSTS, TableFamily, table_ids, tables
from data_pipeline.sources.cbs.statline import parse_edition

Progress = Callable[[str, int], None]  # (table id, rows so far)
MAX_LISTED_KEYS = 80  # a dimension with more wanted keys is not narrowed in the data request


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


class NotFound(SourceError):
    """The host has no such table (HTTP 404): an edition not (or no longer) published."""


@dataclass
class Client:
    """GETs with a timeout and a polite pause between requests."""

    session: requests.Session
    timeout_s: float
    min_interval_s: float
    _last: float = 0.0

    def get_json(self, table_id: str, url: str, params: dict[str, str] | None = None) -> dict:
        """One JSON body with a 'value' list, or SourceError naming the table."""
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
        if response.status_code == 404:
            raise NotFound(f"{table_id}: not found at {response.url}")
        if response.status_code != 200:
            raise SourceError(
                f"{table_id}: HTTP {response.status_code} from {response.url} (after retries)"
            )
        try:
            body = response.json()
        except ValueError as problem:
            raise SourceError(f"{table_id}: {url} did not return JSON") from problem
        if not isinstance(body, dict) or not isinstance(body.get("value"), list):
            raise SourceError(f"{table_id}: {url} returned JSON without a 'value' list")
        return body


def region_filter(dimension: str, codes: Iterable[str]) -> str:
    """OData filter on a space-padded region key: startswith matches 'GM0351    '."""
    return " or ".join(f"startswith({dimension},'{code}')" for code in codes)


def metadata_of(client: Client, table_id: str, base_url: str) -> dict[str, dict]:
    """TableInfos, DataProperties and every dimension list except the (long) region list."""
    entities = {
        name: client.get_json(table_id, f"{base_url}/{name}")
        for name in ("TableInfos", "DataProperties")
    }
    for prop in entities["DataProperties"]["value"]:
        if prop.get("Type") in ("Dimension", "TimeDimension"):
            entities[prop["Key"]] = client.get_json(table_id, f"{base_url}/{prop['Key']}")
    return entities


def layouts_for(
    families: list[TableFamily], table_id: str, entities: dict[str, dict]
) -> list[Layout]:
    properties = entities["DataProperties"]["value"]
    values = {name: body["value"] for name, body in entities.items()}
    return [resolve_layout(family, table_id, properties, values) for family in families]


def data_filter(layouts: list[Layout], region_codes: list[str]) -> str:
    """Regions, plus every dimension narrowed to the keys some family needs."""
    wanted: dict[str, set[str]] = {}
    for layout in layouts:
        for dimension, key in layout.filters.items():
            wanted.setdefault(dimension, set()).add(key)
        if layout.breakdown:
            keys = (
                set(layout.categories)
                | set(layout.groups)
                | {k for m in layout.groups.values() for k in m}
            )
            wanted.setdefault(layout.breakdown, set()).update(keys)
    parts = [f"({region_filter(layouts[0].region, region_codes)})"]
    for dimension, keys in sorted(wanted.items()):
        if len(keys) <= MAX_LISTED_KEYS:
            parts.append("(" + " or ".join(f"{dimension} eq '{k}'" for k in sorted(keys)) + ")")
    return " and ".join(parts)


def _paged(
    client: Client, table_id: str, url: str, params: dict[str, str], progress: Progress | None
) -> dict:
    body = client.get_json(table_id, url, params)
    rows = list(body["value"])
    while body.get("odata.nextLink"):
        body = client.get_json(table_id, body["odata.nextLink"])
        rows += body["value"]
        if progress:
            progress(table_id, len(rows))
    return {"odata.metadata": body.get("odata.metadata", ""), "value": rows}


def fetch_edition(
    table_id: str,
    families: list[TableFamily],
    out_dir: Path,
    region_codes: list[str],
    client: Client,
    roots: dict[str, str],
    progress: Progress | None = None,
) -> Path:
    """Download one edition for the families that read it: complete, or nothing is kept."""
    base_url = families[0].url(table_id, roots)
    entities = metadata_of(client, table_id, base_url)
    layouts = layouts_for(families, table_id, entities)  # a changed structure fails here
    entities["TypedDataSet"] = _paged(
        client,
        table_id,
        f"{base_url}/TypedDataSet",
        {"$filter": data_filter(layouts, region_codes)},
        progress,
    )
    partial = out_dir / f".{table_id}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        for name, body in entities.items():
            (partial / f"{name}.json").write_text(json.dumps(body, ensure_ascii=False), "utf-8")
        meta = {"retrieved_at": datetime.now(UTC).isoformat(timespec="seconds"), "url": base_url}
        (partial / "_meta.json").write_text(json.dumps(meta), "utf-8")
        for family in families:  # what was saved must parse, or nothing is kept
            parse_edition(family, partial, table_id)
        target = out_dir / table_id
        shutil.rmtree(target, ignore_errors=True)
        partial.rename(target)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return out_dir / table_id


def families_by_table(only: set[str] | None) -> dict[str, list[TableFamily]]:
    families = tables(only)
    return {t: [f for f in families if t in f.editions] for t in table_ids(families)}


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
    """Download every edition of the registered families; an edition the host lacks is skipped."""
    client = Client(session or make_session(), timeout_s, min_interval_s)
    roots = {**HOSTS, **(base_urls or {})}  # a test server or mirror may stand in for a host
    out_dir.mkdir(parents=True, exist_ok=True)
    saved = []
    for table_id, families in families_by_table(only).items():
        try:
            saved.append(
                fetch_edition(table_id, families, out_dir, region_codes, client, roots, progress)
            )
        except NotFound:
            continue  # an edition not (yet) published; the family's others still count
    missing = [f.key for f in tables(only) if not any((out_dir / e).is_dir() for e in f.editions)]
    if missing:
        raise SourceError(f"no edition found of: {', '.join(missing)}")
    return saved
