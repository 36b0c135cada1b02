"""Write-audit-publish into releases: build a new release file, check it, then make it current.

Layout next to the store path (default `var/store.duckdb`):

    var/releases/2026-11-25.1.duckdb   immutable releases, kept: the newest `keep`
    var/store.duckdb -> releases/2026-11-25.1.duckdb   the current one (a symbolic link)

A release gets a readable id (UTC day and a number within the day). It is built under its final
name plus `.building`, checked, renamed, and only then does the store path switch to it, by
replacing the link atomically (os.replace). All of this runs under one lock per store, so two
publishes never share an id or a building file. Old releases are removed only after the new one
is current; an app still reading one keeps its open file (POSIX unlink semantics).
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

from data_pipeline.checks import run_checks
from data_pipeline.errors import CheckFailed

log = logging.getLogger(__name__)

RELEASE_ID = re.compile(r"^(\d{4}-\d{2}-\d{2})\.(\d{1,4})$")
SUFFIX = ".duckdb"

# build(target, release_id, previous release file or None) -> target
Build = Callable[[Path, str, Path | None], Path]


def releases_dir(live: Path) -> Path:
    """Where the releases of a store live: beside the store path."""
    return live.parent / "releases"


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


def next_release_id(live: Path, today: str | None = None) -> str:
    """'<UTC day>.<n>', one more than the last release of that day."""
    day = today or datetime.now(UTC).strftime("%Y-%m-%d")
    numbers = [int(i.split(".")[1]) for i in release_ids(live) if i.startswith(day + ".")]
    return f"{day}.{max(numbers, default=0) + 1}"


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
    leftovers += list(live.parent.glob(live.name + ".building*"))
    for path in leftovers:
        path.unlink(missing_ok=True)
        log.warning("removed %s, left by an interrupted build", path.name)
    return leftovers


def build_audit_publish(live: Path, build: Build, *, keep: int = 12) -> Path:
    """Under the store's lock: build a new release, check it, make it current and prune."""
    with exclusive(live):
        return publish_locked(live, build, keep=keep)


def publish_locked(live: Path, build: Build, *, keep: int = 12) -> Path:
    """Build, check, switch and prune; the caller holds `exclusive(live)`. Returns the release.

    On any failure (a data problem, Ctrl-C) the building file is removed and the current
    release stays current, so the app keeps serving the last good data.
    """
    if keep < 1:
        raise ValueError("keep at least one release")
    remove_leftovers(live)
    releases_dir(live).mkdir(parents=True, exist_ok=True)
    release_id = next_release_id(live)
    release = releases_dir(live) / f"{release_id}{SUFFIX}"
    building = release.with_name(release.name + ".building")
    try:
        build(building, release_id, current_release(live))
        failures = run_checks(building)
        if failures:
            raise CheckFailed(failures)
        os.replace(building, release)
    finally:
        building.unlink(missing_ok=True)
        Path(str(building) + ".wal").unlink(missing_ok=True)
    _point_at(live, release)
    removed = prune(live, keep)
    log.info("published release %s (removed: %s)", release_id, ", ".join(removed) or "none")
    return release
