"""Write-audit-publish: build into a sibling file, run the checks, then swap it in atomically."""

from __future__ import annotations

import fcntl
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from data_pipeline.checks import run_checks
from data_pipeline.errors import CheckFailed

log = logging.getLogger(__name__)


def building_path(live: Path) -> Path:
    """The sibling file a new store is written to (same directory, so the rename is atomic)."""
    return live.with_name(live.name + ".building")


@contextmanager
def exclusive(live: Path) -> Iterator[None]:
    """One publish at a time per store: two runs would otherwise share the building file."""
    with open(live.with_name(live.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def build_audit_publish(live: Path, build: Callable[[Path], Path]) -> Path:
    """Build a new store next to `live`, check it, and only then replace `live` with it.

    On any failure the building file is removed and the live store is left untouched, so the
    app keeps serving the last good data.
    """
    live.parent.mkdir(parents=True, exist_ok=True)
    building = building_path(live)
    with exclusive(live):
        try:
            build(building)
            failures = run_checks(building)
            if failures:
                raise CheckFailed(failures)
            os.replace(building, live)
        finally:
            building.unlink(missing_ok=True)
            Path(str(building) + ".wal").unlink(missing_ok=True)
    log.info("published %s", live)
    return live
