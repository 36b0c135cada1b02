"""Write-audit-publish into releases: build, check, copy out what is public, make it current.

Layout next to the store path (default `var/store.duckdb`):

    var/build/2026-11-25.1.duckdb      the work file of the last build (raw, staging, core,
                                       marts): never published, replaced by the next build
    var/releases/2026-11-25.1.duckdb   immutable releases, the marts only: the newest `keep`
    var/store.duckdb -> releases/2026-11-25.1.duckdb   the current one (a symbolic link)

A release gets a readable id (UTC day and a number within the day). The build writes a work
file and the checks run on it; then only the `marts` schema (what pages and downloads read,
small counts already hidden) is copied into the release file under its final name plus
`.building`, that file is checked to hold nothing else, renamed, and only then does the store
path switch to it, by replacing the link atomically (os.replace). All of this runs under one
lock per store, so two publishes never share an id or a building file. Old releases are
removed only after the new one is current; an app still reading one keeps its open file
(POSIX unlink semantics).
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from data_pipeline.checks import run_checks
from data_pipeline.errors import CheckFailed

log = logging.getLogger(__name__)

RELEASE_ID = re.compile(r"^(\d{4}-\d{2}-\d{2})\.(\d{1,4})$")
SUFFIX = ".duckdb"

# build(target, release_id, previous release file or None) -> target
Build = Callable[[Path, str, Path | None], Path]


PUBLIC_SCHEMA = "marts"


def releases_dir(live: Path) -> Path:
    """Where the releases of a store live: beside the store path."""
    return live.parent / "releases"


def build_dir(live: Path) -> Path:
    """Where the work file of the last build lives: beside the store path, never published."""
    return live.parent / "build"


def export_public(work: Path, target: Path) -> Path:
    """Copy only the public marts of a built work file into a new release file."""
    target.unlink(missing_ok=True)
    with duckdb.connect(str(target)) as connection:
        connection.execute("attach $path as work (read_only)", {"path": str(work)})
        tables = connection.execute(
            "select table_name from duckdb_tables() where database_name = 'work' "
            "and schema_name = $schema order by table_name",
            {"schema": PUBLIC_SCHEMA},
        ).fetchall()
        connection.execute(f"create schema {PUBLIC_SCHEMA}")
        for (table,) in tables:
            connection.execute(
                f"create table {PUBLIC_SCHEMA}.{table} as "
                f"select * from work.{PUBLIC_SCHEMA}.{table}"
            )
        connection.execute("detach work")
        connection.execute("checkpoint")
    return target


def is_demo_store(live: Path) -> bool:
    """Was the current release built as a demo (with generated sample data)? A later import or
    fetch into it keeps it one."""
    current = current_release(live)
    if current is None:
        return False
    try:
        with duckdb.connect(str(current), read_only=True) as connection:
            row = connection.execute("select is_demo_build from marts.mart_store_info").fetchall()
    except duckdb.Error:  # an older release without the column
        return False
    return bool(row and row[0][0])


def private_tables(release: Path) -> list[str]:
    """Tables a release file holds outside the public schema (there must be none)."""
    with duckdb.connect(str(release), read_only=True) as connection:
        rows = connection.execute(
            "select schema_name || '.' || table_name from duckdb_tables() "
            "where schema_name <> $schema",
            {"schema": PUBLIC_SCHEMA},
        ).fetchall()
    return [name for (name,) in rows]


def release_ids(live: Path) -> list[str]:
    """Ids of the kept releases, oldest first."""
    folder = releases_dir(live)
    names = (
        [p.name.removesuffix(SUFFIX) for p in folder.glob(f"*{SUFFIX}")] if folder.is_dir() else []
    )
    matched = [
        (m.group(1), int(m.group(2)), name) for name in names if (m := RELEASE_ID.match(name))
    ]
    return [name for *_, name in sorted(matched)]


ISSUED = ".issued"  # every release id ever given out, one per line: never given out again


def issued_ids(live: Path) -> list[str]:
    """Ids this store has given out, whether or not their files still exist."""
    ledger = releases_dir(live) / ISSUED
    if not ledger.exists():
        return []
    return [line for line in ledger.read_text("utf-8").split() if RELEASE_ID.match(line)]


def next_release_id(live: Path, today: str | None = None) -> str:
    """'<UTC day>.<n>', one more than any release of that day this store ever gave out (a
    deleted release's id never returns: a pinned link must never show other numbers)."""
    day = today or datetime.now(UTC).strftime("%Y-%m-%d")
    given = [*release_ids(live), *issued_ids(live)]
    numbers = [int(i.split(".")[1]) for i in given if i.startswith(day + ".")]
    return f"{day}.{max(numbers, default=0) + 1}"


def _record_issued(live: Path, release_id: str) -> None:
    """Write the id down (fsynced) before anything is built under it."""
    ledger = releases_dir(live) / ISSUED
    with ledger.open("a", encoding="utf-8") as handle:
        handle.write(release_id + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def current_release(live: Path) -> Path | None:
    """The file the store path points at (a plain file from an older layout counts too)."""
    if live.is_symlink():
        target = live.parent / os.readlink(live)
        return target if target.exists() else None
    return live if live.exists() else None


@contextmanager
def exclusive(live: Path) -> Iterator[None]:
    """One publish at a time per store."""
    live.parent.mkdir(parents=True, exist_ok=True)
    with open(live.with_name(live.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _point_at(live: Path, release: Path) -> None:
    """Switch the store path to `release` atomically (a new link renamed over the old one)."""
    link = live.with_name(live.name + ".switching")
    link.unlink(missing_ok=True)
    link.symlink_to(release.relative_to(live.parent))
    os.replace(link, live)


# Runs just before the switch; returns how to undo itself if the switch does not happen.
BeforeSwitch = Callable[[], Callable[[], object]]


def _switch(live: Path, release: Path, before_switch: BeforeSwitch | None) -> None:
    """Run `before_switch` and make the release current - both or neither: if either fails
    (an error, Ctrl-C), the step before is undone and the release file goes (its id stays
    issued)."""
    undo: Callable[[], object] | None = None
    try:
        if before_switch is not None:
            undo = before_switch()
        _point_at(live, release)
    except BaseException:
        if current_release(live) != release:
            if undo is not None:
                undo()
            release.unlink(missing_ok=True)
        raise


def _keep_last_work_file(work: Path, release_id: str) -> None:
    """The last build's work file stays for an operator to inspect (raw, staging, core);
    older ones go. It lives outside releases/, so no link, copy or image publishes it."""
    for old in work.parent.glob(f"*{SUFFIX}"):
        old.unlink(missing_ok=True)
    os.replace(work, work.parent / f"{release_id}{SUFFIX}")


def prune(live: Path, keep: int) -> list[str]:
    """Remove the oldest releases beyond `keep`, never the current one; returns removed ids."""
    current = current_release(live)
    removable = [i for i in release_ids(live) if current is None or current.name != i + SUFFIX]
    removed = removable[: max(0, len(removable) - (keep - 1))]
    for release_id in removed:
        (releases_dir(live) / f"{release_id}{SUFFIX}").unlink(missing_ok=True)
    return removed


def remove_leftovers(live: Path) -> list[Path]:
    """Building files an interrupted run left behind (called under the lock, before a build)."""
    folder = releases_dir(live)
    leftovers = list(folder.glob("*.building*")) if folder.is_dir() else []
    work = build_dir(live)
    leftovers += list(work.glob("*.building*")) if work.is_dir() else []
    leftovers += list(live.parent.glob(live.name + ".building*"))
    for path in leftovers:
        path.unlink(missing_ok=True)
        log.warning("removed %s, left by an interrupted build", path.name)
    return leftovers


def build_audit_publish(live: Path, build: Build, *, keep: int = 12) -> Path:
    """Under the store's lock: build a new release, check it, make it current and prune."""
    with exclusive(live):
        return publish_locked(live, build, keep=keep)


def publish_locked(
    live: Path,
    build: Build,
    *,
    keep: int = 12,
    before_switch: BeforeSwitch | None = None,
) -> Path:
    """Build, check, switch and prune; the caller holds `exclusive(live)`. Returns the release.

    On any failure (a data problem, Ctrl-C) the building file is removed and the current
    release stays current, so the app keeps serving the last good data. `before_switch` runs
    after the release file is complete and before it becomes current (an import is kept
    there: a release is never current without the files it was built from).
    """
    if keep < 1:
        raise ValueError("keep at least one release")
    remove_leftovers(live)
    releases_dir(live).mkdir(parents=True, exist_ok=True)
    build_dir(live).mkdir(parents=True, exist_ok=True)
    release_id = next_release_id(live)
    _record_issued(live, release_id)
    release = releases_dir(live) / f"{release_id}{SUFFIX}"
    building = release.with_name(release.name + ".building")
    work = build_dir(live) / f"{release_id}{SUFFIX}.building"
    try:
        build(work, release_id, current_release(live))
        failures = run_checks(work)
        if failures:
            raise CheckFailed(failures)
        export_public(work, building)
        private = private_tables(building)
        if private:
            raise CheckFailed([f"release file holds work tables: {', '.join(private)}"])
        os.replace(building, release)
        _keep_last_work_file(work, release_id)
    finally:
        for path in (building, work):
            path.unlink(missing_ok=True)
            Path(str(path) + ".wal").unlink(missing_ok=True)
    _switch(live, release, before_switch)
    removed = prune(live, keep)
    log.info("published release %s (removed: %s)", release_id, ", ".join(removed) or "none")
    return release
