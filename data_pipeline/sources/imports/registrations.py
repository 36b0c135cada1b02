"""Where accepted local registration files are kept, and the loader that reads them back.

An import is kept exactly when its release is published. Under the store's publish lock, the
file and its record are first written as *pending* (`<stamp>-<unique>__<name>.pending`, each
written to a temporary name and renamed, so no reader ever sees half a file); the build reads
the pending import explicitly; when the release file is complete, the pending pair is renamed
to its kept name and then the release becomes current - if the switch fails, the keep is
undone. An interrupted import therefore leaves at most a pending pair, which no build reads
and the next publish removes. A kept record that cannot be read is reported by name.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from data_pipeline.errors import InputError
from data_pipeline.observations import ObservationBatch
from data_pipeline.settings import PipelineSettings
from data_pipeline.sources.imports.local_files import READERS

PENDING = ".pending"
RECORD = ".json"


def last_import_year() -> int:
    """Imports may cover years up to the current one."""
    return datetime.now(UTC).year


def validate_import(
    kind: str,
    path: Path,
    settings: PipelineSettings,
    known: set[str],
    supplier: str,
    imported_at: str,
) -> ObservationBatch:
    """Read and check a file with the reader for `kind`; raises InputError listing every problem."""
    return READERS[kind](
        path,
        known_municipalities=known,
        first_year=settings.first_year,
        last_year=last_import_year(),
        supplier=supplier,
        imported_at=imported_at,
    )


@dataclass(frozen=True)
class PendingImport:
    """An accepted file, written beside the kept ones but not yet kept."""

    data: Path
    record: Path

    def kept_paths(self) -> tuple[Path, Path]:
        """Where the data file and its record live once kept."""
        kept = self.data.with_name(self.data.name.removesuffix(PENDING))
        return kept, kept.with_name(kept.name + RECORD)

    def keep(self) -> Callable[[], None]:
        """Make it a kept import (just before its release becomes current); returns how to
        undo that if the release does not become current after all."""
        kept, record = self.kept_paths()
        os.replace(self.record, record)
        os.replace(self.data, kept)

        def undo() -> None:
            kept.unlink(missing_ok=True)
            record.unlink(missing_ok=True)

        return undo

    def forget(self) -> None:
        """Remove it (its publish failed)."""
        self.data.unlink(missing_ok=True)
        self.record.unlink(missing_ok=True)


def _write_atomically(target: Path, write: Callable[[Path], object]) -> None:
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        write(temporary)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def stage_import(
    kind: str, path: Path, settings: PipelineSettings, supplier: str, imported_at: str
) -> PendingImport:
    """Write the accepted file and its record as pending, under a name no other import has."""
    folder = settings.imports_dir / kind
    folder.mkdir(parents=True, exist_ok=True)
    stamp = imported_at.replace(":", "").replace("-", "")[:15]
    name = f"{stamp}-{secrets.token_hex(4)}__{path.name}"
    data = folder / f"{name}{PENDING}"
    record = folder / f"{name}{RECORD}{PENDING}"
    sidecar = {
        "kind": kind,
        "supplier": supplier,
        "imported_at": imported_at,
        "original_name": path.name,
    }
    _write_atomically(data, lambda target: shutil.copyfile(path, target))
    _write_atomically(
        record, lambda target: target.write_text(json.dumps(sidecar, indent=1), "utf-8")
    )
    return PendingImport(data, record)


def remove_pending(imports_dir: Path, *, keep: PendingImport | None = None) -> list[Path]:
    """Pending or temporary files an interrupted import left behind (called under the lock)."""
    found = (
        [*imports_dir.glob(f"*/*{PENDING}"), *imports_dir.glob("*/.*.tmp")]
        if imports_dir.is_dir()
        else []
    )
    left = [p for p in found if keep is None or p not in (keep.data, keep.record)]
    for path in left:
        path.unlink(missing_ok=True)
    return left


DAMAGED = (
    "het importverslag is beschadigd ({problem}); verwijder dit bestand en het bijbehorende "
    "gegevensbestand, of importeer opnieuw"
)


def _read_record(path: Path) -> dict:
    try:
        record = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as broken:
        raise InputError.single(path, None, None, DAMAGED.format(problem=broken)) from None
    required = ("kind", "supplier", "imported_at", "original_name")
    missing = [key for key in required if key not in record]
    if missing or record.get("kind") not in READERS:
        field = ", ".join(missing) or "kind"
        raise InputError.single(path, None, field, "het importverslag is onvolledig")
    return record


def read_import(
    record_path: Path, data_path: Path, settings: PipelineSettings, known: set[str]
) -> ObservationBatch:
    """One kept (or pending) import, read again with the same checks, with its source record."""
    record = _read_record(record_path)
    batch = validate_import(
        record["kind"], data_path, settings, known, record["supplier"], record["imported_at"]
    )
    batch.sources["reference"] = record["original_name"]
    return batch


def pending_loader(
    pending: PendingImport,
) -> Callable[[PipelineSettings, pd.DataFrame], dict[str, pd.DataFrame]]:
    """A loader that reads only the import being published."""

    def load(settings: PipelineSettings, municipalities: pd.DataFrame) -> dict[str, pd.DataFrame]:
        known = set(municipalities["municipality_code"])
        return read_import(pending.record, pending.data, settings, known).tables()

    return load


def load_imports(
    settings: PipelineSettings, municipalities: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """Loader: every kept import, read again with the same checks."""
    known = set(municipalities["municipality_code"])
    pairs = [
        (record, record.with_name(record.name.removesuffix(RECORD)))
        for record in sorted(settings.imports_dir.glob(f"*/*{RECORD}"))
    ]
    return ObservationBatch.concat([read_import(r, d, settings, known) for r, d in pairs]).tables()
