"""The only module that imports duckdb: opens the store read-only and runs sql/queries/*.sql."""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from dashboard.settings import PROJECT_ROOT, get_settings

QUERY_DIR = PROJECT_ROOT / "sql" / "queries"


class StoreMissing(RuntimeError):
    """No published store at the configured path."""


class _Store:
    """The published store file, re-attached when the pipeline swaps in a new one."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[str, int] | None = None
        self._database: duckdb.DuckDBPyConnection | None = None

    def cursor(self, path: Path) -> duckdb.DuckDBPyConnection:
        """A fresh cursor on the current published version of the store."""
        try:
            key = (str(path), path.stat().st_mtime_ns)
        except FileNotFoundError as missing:
            raise StoreMissing(f"no store at {path}") from missing
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


_store = _Store()


@cache
def _query_text(name: str) -> str:
    return (QUERY_DIR / f"{name}.sql").read_text(encoding="utf-8")


def run_query(name: str, **params: object) -> pd.DataFrame:
    """Run sql/queries/<name>.sql with its $parameters bound from params."""
    with _store.cursor(get_settings().db_path) as cursor:
        return cursor.execute(_query_text(name), params).df()


def store_version() -> int | None:
    """Modification time of the published store, or None when there is none."""
    try:
        return get_settings().db_path.stat().st_mtime_ns
    except FileNotFoundError:
        return None
