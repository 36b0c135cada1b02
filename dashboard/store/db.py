"""The only module that imports duckdb: published releases, attached read-only, and their queries.

The pipeline publishes every build as an immutable release file (`releases/<id>.duckdb`) and
points the store path (`var/store.duckdb`, a symbolic link) at the current one. A `Release` is
attached read-only to its own in-memory DuckDB once and reused by every request, so an old
release stays as fast as the current one. A page render asks the `Store` for one release at its
start and reads only that release until it ends, so a publish during a render cannot mix two
versions. Deleting an old release file is safe while a reader holds it: the attached database
keeps its open file handle (POSIX unlink semantics).
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pandas as pd

RELEASE_SUFFIX = ".duckdb"
T = TypeVar("T")


class StoreMissing(RuntimeError):
    """No published store at the configured path."""


class StoreBroken(RuntimeError):
    """The published store file cannot be opened (truncated, damaged, not a DuckDB file)."""


# What DuckDB raises when the file under a query is truncated or damaged (not a query mistake).
STORAGE_ERRORS = (
    duckdb.IOException,
    duckdb.SerializationException,
    duckdb.InternalException,
    duckdb.FatalException,
)


class ReleaseIncompatible(StoreBroken):
    """A release built by another version of the pipeline: the app's queries do not fit it."""


class ReleaseGone(LookupError):
    """A link asks for a release that is not (or no longer) kept."""


def releases_dir(db_path: Path) -> Path:
    """Where the releases of a store live: beside the store path."""
    return db_path.parent / "releases"


@cache
def _query_text(query_dir: Path, name: str) -> str:
    return (query_dir / f"{name}.sql").read_text(encoding="utf-8")


def _frozen(params: dict[str, object]) -> tuple:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


class Release:
    """One published release: a read-only attached DuckDB file and its cached query results.

    A release never changes (a publish writes a new file), so results keyed by query and
    parameters stay correct for the release's whole life.
    """

    def __init__(self, release_id: str, path: Path, query_dir: Path, cache_size: int = 256):
        self.release_id, self.path, self._query_dir = release_id, path, query_dir
        try:
            self._database = duckdb.connect()
            self._database.execute("attach $path as store (read_only)", {"path": str(path)})
        except duckdb.IOException as error:
            if not path.exists():
                raise ReleaseGone(release_id) from error
            raise StoreBroken(f"{path.name}: {error}") from error
        except duckdb.Error as error:
            raise StoreBroken(f"{path.name}: {error}") from error
        self._lock = threading.Lock()
        self._results: OrderedDict[tuple, pd.DataFrame] = OrderedDict()
        self._derived: dict[str, Any] = {}
        self._cache_size = cache_size
        self.identity = file_identity(path)
        self.build_id = self._build_id()
        self._check_queries_fit()

    def _check_queries_fit(self) -> None:
        """Bind every read-side query once (no rows read), so a release made by an older
        pipeline is known as such when it is opened, not by a failing page (~30 ms)."""
        cursor = self._database.cursor()
        with cursor:
            cursor.execute("use store")
            for query in sorted(self._query_dir.glob("*.sql")):
                text = _query_text(self._query_dir, query.stem).strip().rstrip(";")
                params = dict.fromkeys(set(re.findall(r"\$(\w+)", text)))
                try:
                    cursor.execute(f"select * from ({text}) limit 0", params)
                except (duckdb.BinderException, duckdb.CatalogException) as error:
                    raise ReleaseIncompatible(f"{self.path.name}: {query.name}: {error}") from error

    def _build_id(self) -> str:
        """The build's own random id (two stores may both have a release '2026-11-25.1')."""
        try:
            row = self._database.execute("select build_id from store.marts.mart_store_info")
            found = row.fetchall()
        except duckdb.Error:  # an older release without it: its file identity stands in
            return "file-" + "-".join(map(str, self.identity))
        return str(found[0][0]) if found and found[0][0] else "unknown"

    def query(self, name: str, **params: object) -> pd.DataFrame:
        """Run sql/queries/<name>.sql with its $parameters bound; a copy the caller may change."""
        key = (name, _frozen(params))
        with self._lock:
            cached = self._results.get(key)
            if cached is not None:
                self._results.move_to_end(key)
                return cached.copy()
            cursor = self._database.cursor()  # one per query: connections are not thread-safe
        try:
            with cursor:
                cursor.execute("use store")
                frame = cursor.execute(_query_text(self._query_dir, name), params).df()
        except STORAGE_ERRORS as error:  # a damaged file shows itself only when a page reads it
            raise StoreBroken(f"{self.path.name}: {error}") from error
        with self._lock:
            self._results[key] = frame
            while len(self._results) > self._cache_size:
                self._results.popitem(last=False)
        return frame.copy()

    def derived(self, name: str, build: Callable[[], T]) -> T:
        """Something built from this release's query results once (an index, a list of
        options) and shared by every render; a release never changes, so neither does it.
        The caller must not change what it gets."""
        with self._lock:
            if name in self._derived:
                return self._derived[name]  # type: ignore[no-any-return]
        value = build()
        with self._lock:
            return self._derived.setdefault(name, value)  # type: ignore[no-any-return]

    def tables(self) -> list[str]:
        """The public tables of this release: its marts (a release file holds nothing else)."""
        return self.query("public_tables")["table_name"].tolist()

    def write_file(self, source: str, target: Path, file_format: str) -> None:
        """Write a public table (or a query of sql/queries) to `target` as Parquet or CSV."""
        if source in self.tables():
            select = f'select * from marts."{source}"'
        else:
            select = _query_text(self._query_dir, source).strip().rstrip(";")
        options = {"parquet": "format parquet, compression zstd", "csv": "format csv, header"}
        quoted = str(target).replace("'", "''")
        cursor = self._database.cursor()
        try:
            with cursor:
                cursor.execute("use store")
                cursor.execute(f"copy ({select}) to '{quoted}' ({options[file_format]})")
        except STORAGE_ERRORS as error:
            raise StoreBroken(f"{self.path.name}: {error}") from error

    def clear_cache(self) -> None:
        """Forget cached results (the benchmark measures the first visitor after a publish)."""
        with self._lock:
            self._results.clear()
            self._derived.clear()


def file_identity(path: Path) -> tuple[int, int, int]:
    """What changes when a file is replaced or rewritten: inode, size and modification time."""
    stat = path.stat()
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


class Store:
    """The published store: which release is current, and every kept release by id.

    A kept release is opened once, but its file is looked at on every use: a release deleted
    (pruned, rolled back) is gone for every worker at once, and a file that changed under a
    reused name is opened anew instead of trusting the old one.
    """

    def __init__(self, db_path: Path, query_dir: Path, open_releases: int = 8) -> None:
        self.db_path, self._query_dir = db_path, query_dir
        self._lock = threading.Lock()
        self._open: OrderedDict[str, Release] = OrderedDict()
        self._open_releases = open_releases

    def current_id(self) -> str:
        """The id of the current release (the file the store path points at)."""
        try:
            target = Path(os.readlink(self.db_path))
        except FileNotFoundError as missing:
            raise StoreMissing(f"no store at {self.db_path}") from missing
        except OSError:  # a plain file (a store built by hand): name it by its version
            stat = self._stat(self.db_path)
            return f"bestand-{stat.st_ino}-{stat.st_mtime_ns}"
        if not (self.db_path.parent / target).exists():
            raise StoreMissing(f"{self.db_path} points at a missing release {target.name}")
        return target.name.removesuffix(RELEASE_SUFFIX)

    @staticmethod
    def _stat(path: Path) -> os.stat_result:
        try:
            return path.stat()
        except FileNotFoundError as missing:
            raise StoreMissing(f"no store at {path}") from missing

    def _path(self, release_id: str) -> Path:
        if release_id.startswith("bestand-"):
            return self.db_path
        return releases_dir(self.db_path) / f"{release_id}{RELEASE_SUFFIX}"

    def current(self) -> Release:
        """The current release, attached (once) and ready to query."""
        return self.release(self.current_id())

    def _still_valid(self, release: Release) -> bool:
        try:
            return file_identity(release.path) == release.identity
        except OSError:
            return False

    def release(self, release_id: str) -> Release:
        """A kept release by id; ReleaseGone when there is no such release."""
        with self._lock:
            release = self._open.get(release_id)
            if release is not None and self._still_valid(release):
                self._open.move_to_end(release_id)
                return release
            self._open.pop(release_id, None)  # deleted or replaced: never trusted again
        if not kept_release_id(release_id) and not self._is_current_plain_file(release_id):
            raise ReleaseGone(release_id)
        path = self._path(release_id)
        if not path.exists():
            raise ReleaseGone(release_id)
        release = Release(release_id, path, self._query_dir)
        with self._lock:
            self._open[release_id] = release
            while len(self._open) > self._open_releases:
                # Dropped, not closed: a render that still holds it finishes on it.
                self._open.popitem(last=False)
        return release

    def _is_current_plain_file(self, release_id: str) -> bool:
        """A 'bestand-<inode>-<mtime>' id names the plain store file only while it is that
        file (no other text passes: it would appear in the page)."""
        if not release_id.startswith("bestand-"):
            return False
        try:
            return self.current_id() == release_id
        except (StoreMissing, StoreBroken):
            return False

    def kept(self) -> list[str]:
        """Ids of the releases kept on disk, oldest first."""
        folder = releases_dir(self.db_path)
        if not folder.is_dir():
            return []
        names = (p.name.removesuffix(RELEASE_SUFFIX) for p in folder.glob(f"*{RELEASE_SUFFIX}"))
        return sorted((name for name in names if kept_release_id(name)), key=release_sort_key)


def kept_release_id(text: str) -> bool:
    """A well-formed release id: 'YYYY-MM-DD.N' (nothing that could name another path)."""
    day, _, number = text.partition(".")
    parts = day.split("-")
    return (
        len(parts) == 3
        and all(part.isdigit() for part in parts)
        and [len(part) for part in parts] == [4, 2, 2]
        and number.isdigit()
        and len(number) <= 4
    )


def release_sort_key(release_id: str) -> tuple[str, int]:
    """Releases sort by day, then by their number within the day."""
    day, _, number = release_id.partition(".")
    return day, int(number or 0)
