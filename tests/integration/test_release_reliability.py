"""Releases a visitor can rely on, with real processes: an id never returns, a deleted or pruned
release is gone for every worker, an import is kept exactly when it is published, and the
machine's trouble is told apart from the data's."""

from __future__ import annotations

import json
import math
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.serving.warmup import router_request
from data_pipeline.publish import releases_dir
from tests.conftest import (
    PROJECT_ROOT,
    fixture_observations_loader,
    fixture_settings,
    later_import,
    publish_with,
)
from tests.serving import gunicorn


def clients(value: float):
    return later_import("GM0351", "Gemeente", "2030-01-01", value, "youth_care_clients")


def kerncijfers(url: str, release: str | None) -> str:
    pin = f"&versie={release}" if release else ""
    body = json.dumps(router_request("/", f"?gemeente=GM0351&jaar=2022{pin}"))
    request = urllib.request.Request(
        f"{url}/_dash-update-component",
        data=body.encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read().decode()


def point_at(db_path: Path, release: Path) -> None:
    link = db_path.with_name(db_path.name + ".next")
    link.unlink(missing_ok=True)
    link.symlink_to(Path("releases") / release.name)
    os.replace(link, db_path)


def test_a_rolled_back_release_id_never_returns_and_no_worker_serves_it(tmp_path):
    settings = fixture_settings(tmp_path)
    good = publish_with(settings, fixture_observations_loader)
    bad = publish_with(settings, fixture_observations_loader, clients(999))
    with gunicorn(settings.db_path) as url:
        assert all("999 jongeren" in kerncijfers(url, bad.stem) for _ in range(6))  # both workers
        point_at(settings.db_path, good)  # the rollback docs/operations.md describes
        bad.unlink()
        corrected = publish_with(settings, fixture_observations_loader, clients(555))
        assert corrected.stem != bad.stem  # the id of the deleted release is never given again
        for _ in range(6):
            assert "bestaat niet (meer)" in kerncijfers(url, bad.stem)
            assert "555 jongeren" in kerncijfers(url, corrected.stem)


def test_a_pruned_release_is_gone_for_every_worker(tmp_path):
    settings = fixture_settings(tmp_path)
    first = publish_with(settings, fixture_observations_loader, keep=2)
    with gunicorn(settings.db_path) as url:
        assert all("bestaat niet (meer)" not in kerncijfers(url, first.stem) for _ in range(6))
        publish_with(settings, fixture_observations_loader, keep=2)
        publish_with(settings, fixture_observations_loader, keep=2)  # prunes the first
        assert not first.exists()
        assert all("bestaat niet (meer)" in kerncijfers(url, first.stem) for _ in range(6))


INTERRUPT_AT_SWITCH = """
import os, signal, sys
from data_pipeline import publish
def interrupted(live, release):
    os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, after the import is kept, before the switch
publish._point_at = interrupted
from data_pipeline.cli import main
sys.argv = ["data_pipeline", *sys.argv[1:]]
main()
"""


def test_an_import_interrupted_at_the_switch_is_neither_kept_nor_published(tmp_path):
    settings = fixture_settings(tmp_path)
    current = publish_with(settings, fixture_observations_loader)
    file = tmp_path / "vrijwilligers.csv"
    file.write_text("gemeentecode;jaar;soort;werkveld;aantal\nGM0327;2021;maatje;totaal;40\n")
    command = [
        sys.executable,
        "-c",
        INTERRUPT_AT_SWITCH,
        "import",
        "vrijwilligers",
        str(file),
        "--leverancier",
        "X",
        "--db",
        str(settings.db_path),
        "--data-dir",
        str(settings.data_dir),
    ]
    env = {**os.environ, "SK_IMPORTS_DIR": str(settings.imports_dir)}
    result = subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert settings.db_path.resolve() == current.resolve()  # still the release before
    kept = [p for p in settings.imports_dir.rglob("*") if p.is_file()]
    assert kept == []  # not kept: the next run cannot publish it silently either
    assert sorted(p.name for p in releases_dir(settings.db_path).glob("*.duckdb")) == [current.name]


def test_a_machine_problem_exits_3_and_names_it(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "data_pipeline", "run", "--db", "/dev/null/store.duckdb"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 3 and "Omgevingsprobleem" in result.stderr
    assert "Traceback" not in result.stderr


def shown_clients(page: str) -> set[int]:
    """The client counts (600–699, the values this test publishes) a Kerncijfers answer shows."""
    return {int(n) for n in re.findall(r"\b(6\d\d) jongeren", page)}


@dataclass
class Ledger:
    """What each release holds and when each became current: the truth a visitor is owed.

    A switch happens somewhere inside the publish call, so each is recorded with the time the
    call started and the time it returned; a release may be served as current from its switch's
    start until the next switch's end.
    """

    value_of: dict[str, int] = field(default_factory=dict)
    switches: list[tuple[str, float, float]] = field(default_factory=list)  # stem, start, end
    lock: threading.Lock = field(default_factory=threading.Lock)

    def switched(self, release: Path, value: int, started: float) -> None:
        with self.lock:
            self.value_of[release.stem] = value
            self.switches.append((release.stem, started, time.monotonic()))

    def current_during(self, start: float, end: float) -> set[int]:
        ends = [switch_end for _, _, switch_end in self.switches[1:]] + [math.inf]
        return {
            self.value_of[stem]
            for (stem, switch_start, _), until in zip(self.switches, ends, strict=True)
            if switch_start <= end and until >= start
        }


@dataclass
class Visit:
    pinned: str | None
    start: float
    end: float
    page: str

    def is_wrong(self, ledger: Ledger) -> bool:
        shown = shown_clients(self.page)
        if self.pinned and "bestaat niet (meer)" not in self.page:
            allowed = {ledger.value_of[self.pinned]}  # a pinned release shows its own numbers
        else:  # the current release, or a pinned one that is gone: the newest, and says so
            allowed = ledger.current_during(self.start, self.end)
        return len(shown) != 1 or not shown <= allowed


def test_load_with_publishes_rollbacks_and_pruning_shows_no_wrong_number(tmp_path):
    """The fault probe at a small size: visitors on pinned and current links while releases are
    published, rolled back (as docs/operations.md describes) and pruned."""
    settings = fixture_settings(tmp_path)
    ledger = Ledger()
    started = time.monotonic()
    first = publish_with(settings, fixture_observations_loader, clients(600), keep=3)
    ledger.switched(first, 600, started)
    visits: list[Visit] = []
    errors: list[OSError] = []
    stop = threading.Event()

    def visitor(seed: int) -> None:
        rng = random.Random(seed)
        while not stop.is_set():
            with ledger.lock:
                pinned = rng.choice([*ledger.value_of, None])
            start = time.monotonic()
            try:
                page = kerncijfers(url, pinned)
            except OSError as error:
                errors.append(error)
                continue
            visits.append(Visit(pinned, start, time.monotonic(), page))

    with gunicorn(settings.db_path) as url:
        threads = [threading.Thread(target=visitor, args=(seed,)) for seed in range(4)]
        for thread in threads:
            thread.start()
        try:
            for value in range(601, 607):
                previous = settings.db_path.resolve()
                started = time.monotonic()
                release = publish_with(
                    settings, fixture_observations_loader, clients(value), keep=3
                )
                ledger.switched(release, value, started)
                if value % 2 == 0:  # a bad release: roll back and delete it
                    started = time.monotonic()
                    point_at(settings.db_path, previous)
                    ledger.switched(previous, ledger.value_of[previous.stem], started)
                    release.unlink()
        finally:
            stop.set()
            for thread in threads:
                thread.join()
    wrong = [visit for visit in visits if visit.is_wrong(ledger)]
    print(f"load: {len(visits)} requests, {len(ledger.switches)} switches, {len(wrong)} wrong")
    assert len(visits) > 50 and errors == []
    assert [(w.pinned, shown_clients(w.page), w.start, w.end, w.page[:300]) for w in wrong] == [], (
        ledger.switches,
        ledger.value_of,
    )
