"""The only module that imports duckdb: opens the store read-only and runs sql/queries/*.sql."""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from dashboard.settings import PROJECT_ROOT, get_settings

QUERY_DIR = PROJECT_ROOT / "sql" / "queries"


class StoreMissing(RuntimeError):
    """No published store at the configured path."""


def _version_key(path: Path) -> tuple[str, int, int, int]:
    """Identifies one published version of the store file."""
    try:
        stat = path.stat()
        # os.replace gives a new inode; mtime alone can repeat on coarse-grained filesystems.
        return str(path), stat.st_ino, stat.st_mtime_ns, stat.st_size
    except FileNotFoundError as missing:
        raise StoreMissing(f"no store at {path}") from missing


class _Store:
    """The published store file, re-attached when the pipeline swaps in a new one."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[str, int, int, int] | None = None
        self._database: duckdb.DuckDBPyConnection | None = None

    def cursor(self, key: tuple[str, int, int, int]) -> duckdb.DuckDBPyConnection:
        """A fresh cursor on the published version `key` of the store."""
        path = Path(key[0])
        with self._lock:
            if self._database is None or key != self._key:
                # duckdb.connect(path) would hand back the instance already open for that path
                # (the replaced file), and closing it would break running queries: attach the
                # new file to a fresh in-memory database and let the old one be collected.
                database = duckdb.connect()
                database.execute("attach $path as store (read_only)", {"path": str(path)})
                self._database, self._key = database, key
            cursor = self._database.cursor()  # one per call: connections are not thread-safe
        cursor.execute("use store")
        return cursor


class _ResultCache:
    """Query results of one store version, reused until a new version is published.

    A published store never changes (the pipeline replaces the whole file), so a result keyed by
    the file's version, the query and its parameters stays correct; pages re-run the same few
    queries for every visitor of a shared link.
    """

    def __init__(self, max_entries: int = 512) -> None:
        self._lock = threading.Lock()
        self._entries: OrderedDict[tuple, pd.DataFrame] = OrderedDict()
        self._max_entries = max_entries

    def get(self, key: tuple) -> pd.DataFrame | None:
        with self._lock:
            frame = self._entries.get(key)
            if frame is not None:
                self._entries.move_to_end(key)
        return None if frame is None else frame.copy()  # callers may modify their copy

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def put(self, key: tuple, frame: pd.DataFrame) -> None:
        with self._lock:
            self._entries[key] = frame
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)


def _frozen(params: dict[str, object]) -> tuple:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


_store = _Store()
_results = _ResultCache()


@cache
def _query_text(name: str) -> str:
    return (QUERY_DIR / f"{name}.sql").read_text(encoding="utf-8")


def run_query(name: str, **params: object) -> pd.DataFrame:
    """Run sql/queries/<name>.sql with its $parameters bound from params."""
    version = _version_key(get_settings().db_path)
    key = (version, name, _frozen(params))
    cached = _results.get(key)
    if cached is not None:
        return cached
    with _store.cursor(version) as cursor:
        frame = cursor.execute(_query_text(name), params).df()
    _results.put(key, frame)
    return frame.copy()


def store_version() -> int | None:
    """Modification time of the published store, or None when there is none."""
    try:
        return get_settings().db_path.stat().st_mtime_ns
    except FileNotFoundError:
        return None


def clear_result_cache() -> None:
    """Forget cached query results (benchmarks measure cold requests with it)."""
    _results.clear()
