"""Imports under faults, with real processes: concurrent imports, Ctrl-C, damaged records."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import PROJECT_ROOT, fixture_settings, work_file

VOLUNTEERS = "gemeentecode;jaar;soort;werkveld;aantal\nGM0327;2021;vrijwilliger;totaal;{n}\n"


def cli(settings, *args: str, wait: bool = True) -> subprocess.CompletedProcess | subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "data_pipeline",
        *args,
        "--db",
        str(settings.db_path),
        "--data-dir",
        str(settings.data_dir),
    ]
    env = {
        **os.environ,
        "SK_RAW_DIR": str(settings.raw_dir),
        "SK_IMPORTS_DIR": str(settings.imports_dir),
    }
    if wait:
        return subprocess.run(
            command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300
        )
    return subprocess.Popen(
        command,
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def volunteers(settings) -> float | None:
    with duckdb.connect(str(work_file(settings.db_path)), read_only=True) as connection:
        row = connection.execute(
            "select value from core.fct_observation where indicator = 'volunteers_registered' "
            "and municipality_code = 'GM0327' and year = 2021 and category = 'total' "
            "and source_id like 'import:%'"
        ).fetchone()
    return row[0] if row else None


@pytest.fixture()
def published(tmp_path):
    settings = fixture_settings(tmp_path)
    assert cli(settings, "run").returncode == 0
    return settings


def file_with(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "vrijwilligers.csv"  # the same name every time, as a steward would use
    path.write_text(VOLUNTEERS.format(n=n), "utf-8")
    return path


def test_two_imports_at_once_both_land_and_nothing_jams(published, tmp_path):
    first = file_with(tmp_path / "a", 111)
    second = file_with(tmp_path / "b", 222)
    running = [
        cli(published, "import", "vrijwilligers", str(f), "--leverancier", "Gemeente", wait=False)
        for f in (first, second)
    ]
    outputs = [p.communicate(timeout=300) for p in running]
    assert [p.returncode for p in running] == [0, 0], outputs
    kept = sorted(published.imports_dir.glob("vrijwilligers/*__vrijwilligers.csv"))
    assert len(kept) == 2 and len({p.name for p in kept}) == 2  # unique names, same second
    assert len(list(published.imports_dir.glob("vrijwilligers/*.json"))) == 2
    assert cli(published, "run").returncode == 0  # the pipeline still runs afterwards
    assert volunteers(published) in {111.0, 222.0}


def test_an_interrupted_import_is_not_kept_and_not_published_later(published, tmp_path):
    path = file_with(tmp_path / "a", 333)
    process = cli(
        published, "import", "vrijwilligers", str(path), "--leverancier", "Gemeente", wait=False
    )
    releases = published.db_path.parent / "releases"
    deadline = time.monotonic() + 120
    while not list(releases.glob("*.building")) and time.monotonic() < deadline:
        time.sleep(0.02)  # wait until the build of this import has started
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=120)
    assert process.returncode != 0
    assert list(published.imports_dir.rglob("*__vrijwilligers.csv*")) == []  # nothing kept
    assert not list(releases.glob("*.building*"))
    assert cli(published, "run").returncode == 0
    assert volunteers(published) is None  # the next plain run does not publish it


def test_a_damaged_import_record_is_named_not_a_traceback(published, tmp_path):
    path = file_with(tmp_path / "a", 444)
    assert (
        cli(published, "import", "vrijwilligers", str(path), "--leverancier", "Gemeente").returncode
        == 0
    )
    record = next(published.imports_dir.glob("vrijwilligers/*.json"))
    record.write_text('{"kind": "vrijwilligers", "supp', "utf-8")
    result = cli(published, "run")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{record.name}: het importverslag is beschadigd" in result.stderr


def outside_addresses(component: object) -> list[str]:
    """Every href/src in a component tree that leaves the site, and every Markdown block."""
    found: list[str] = []
    if isinstance(component, list | tuple):
        return [a for child in component for a in outside_addresses(child)]
    if type(component).__name__ == "Markdown":
        found.append("Markdown")
    for attribute in ("href", "src"):
        address = str(getattr(component, attribute, "") or "")
        if address and not address.startswith(("/", "data:image/svg+xml")):  # QR code
            found.append(address)
    children = getattr(component, "children", None)
    return found + (outside_addresses(children) if children is not None else [])


def test_a_hostile_import_file_name_is_shown_as_text_on_gegevens(
    published, tmp_path, pointed_at, texts
):
    from dashboard.pages import gegevens

    hostile = tmp_path / "a" / "![x](https:evil.example) <a href=x>vrijwilligers.csv"
    hostile.parent.mkdir()
    hostile.write_text(VOLUNTEERS.format(n=555), "utf-8")
    done = cli(published, "import", "vrijwilligers", str(hostile), "--leverancier", "=Gemeente")
    assert done.returncode == 0, done.stderr
    with pointed_at(published.db_path):
        page = gegevens.layout()
    assert "Eigen registratie" in texts(page) or "vrijwilligers" in texts(page).lower()
    assert hostile.name not in texts(page)  # a file name is no source a reader can follow
    assert outside_addresses(page) == []
