"""Where accepted local registration files are kept, and the loader that reads them back.

An accepted import is copied to `<imports_dir>/<kind>/<stamp>__<file>` with a JSON sidecar
(supplier, import time), so every later build reproduces it; the latest import of a cell wins.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from data_pipeline.observations import ObservationBatch
from data_pipeline.settings import PipelineSettings
from data_pipeline.sources.local_files import READERS


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


def keep_import(
    kind: str, path: Path, settings: PipelineSettings, supplier: str, imported_at: str
) -> Path:
    """Copy an accepted file into the imports folder with its sidecar; returns the copy."""
    folder = settings.imports_dir / kind
    folder.mkdir(parents=True, exist_ok=True)
    stamp = imported_at.replace(":", "").replace("-", "")[:15]
    kept = folder / f"{stamp}__{path.name}"
    shutil.copyfile(path, kept)
    sidecar = {
        "kind": kind,
        "supplier": supplier,
        "imported_at": imported_at,
        "original_name": path.name,
    }
    kept.with_name(kept.name + ".json").write_text(json.dumps(sidecar, indent=1), "utf-8")
    return kept


def forget_import(kept: Path) -> None:
    """Remove a kept file again (its build failed, so it must not count)."""
    kept.unlink(missing_ok=True)
    kept.with_name(kept.name + ".json").unlink(missing_ok=True)


def load_imports(
    settings: PipelineSettings, municipalities: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """Loader: every kept import, read again with the same checks."""
    known = set(municipalities["municipality_code"])
    batches = []
    for sidecar_path in sorted(settings.imports_dir.glob("*/*.json")):
        sidecar = json.loads(sidecar_path.read_text("utf-8"))
        data_path = sidecar_path.with_name(sidecar_path.name.removesuffix(".json"))
        batch = validate_import(
            sidecar["kind"], data_path, settings, known, sidecar["supplier"], sidecar["imported_at"]
        )
        batch.sources["reference"] = sidecar["original_name"]
        batches.append(batch)
    merged = ObservationBatch.concat(batches)
    return {"observations": merged.observations, "sources": merged.sources}
