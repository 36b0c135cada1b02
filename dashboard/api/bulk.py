"""Whole-release downloads: every public table of a release as Parquet or CSV, with a README.

A release file holds only its marts (what pages read; small counts already hidden), so the
downloads are those tables as they are. Files are written once per release build and kept in
the temporary folder: a release never changes, so neither do its downloads.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
import zipfile
from pathlib import Path

from dashboard.settings import PROJECT_ROOT
from dashboard.store import queries
from dashboard.store.db import Release

FOLDER = Path(tempfile.gettempdir()) / "sociaal-kompas-downloads"
MARTS_SQL = PROJECT_ROOT / "sql" / "marts"
_lock = threading.Lock()


def _grain(table: str) -> str:
    """The first comment paragraph of the mart's SQL file: its grain, in the project's words."""
    path = MARTS_SQL / f"{table}.sql"
    if not path.exists():
        return ""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("--"):
            break
        lines.append(line.removeprefix("--").strip())
    return " ".join(lines)


def readme(release: Release, file_format: str) -> str:
    """What the download holds: release, signs, statuses, licences, and every table's columns."""
    info = queries.store_info(release)
    columns = release.query("public_columns")
    statuses = queries.vocabulary_rows(release, "status")
    licences = sorted({str(v) for v in queries.sources(release)["licence"].dropna() if v})
    lines = [
        f"# Sociaal Kompas, release {release.release_id}",
        "",
        f"Built {info.get('built_at', '')}. Every public table of this release as {file_format}.",
        "The same numbers the dashboard and /api/v1 show: a hidden count is empty here too.",
        "",
        "## Signs and statuses",
        "",
        "- cell_symbol / sign `x`: hidden, to protect small counts (says nothing about size).",
        "- cell_symbol / sign `.`: not published by the source.",
        *[f"- status `{r.code}` ({r.label_nl}): {r.description_nl}" for r in statuses.itertuples()],
        "",
        "## Licences",
        "",
        "CBS and RIVM figures: CC BY 4.0 (name the source). Each value's source is in its row;",
        "mart_source lists every source with its licence: " + "; ".join(licences) + ".",
        "",
        "## Tables",
    ]
    for table, rows in columns.groupby("table_name", sort=True):
        lines += ["", f"### {table}", "", _grain(str(table)), ""]
        lines += [f"- `{r.column_name}` ({r.data_type})" for r in rows.itertuples()]
    return "\n".join(lines) + "\n"


def _write_zip(release: Release, target: Path, file_format: str) -> None:
    extension = "parquet" if file_format == "parquet" else "csv"
    with (
        tempfile.TemporaryDirectory(dir=target.parent) as work,
        zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        archive.writestr("README.md", readme(release, extension.upper()))
        for table in release.tables():
            path = Path(work) / f"{table}.{extension}"
            release.write_file(table, path, file_format)
            archive.write(path, f"{table}.{extension}")


def release_file(release: Release, name: str) -> Path:
    """The download `name` of `release`, written on first use."""
    safe_build = re.sub(r"[^A-Za-z0-9-]", "_", release.build_id)
    target = FOLDER / f"{release.release_id}-{safe_build}" / name
    with _lock:  # one writer per process; a second request waits and then reads the file
        if target.exists():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{name}.{os.getpid()}.partial")
        if name == "observations.parquet":
            release.write_file("export_observations", partial, "parquet")
        else:
            _write_zip(release, partial, name.removesuffix(".zip"))
        os.replace(partial, target)  # another worker may have written the same bytes: fine
    return target
