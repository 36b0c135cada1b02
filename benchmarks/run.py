"""Benchmark: pipeline builds, page callbacks and visits, as medians and ratios from one run.

Run with `python -m benchmarks.run [--repeat N] [--requests N] [--visits N] [--json PATH]`
(`--only-visits`, `--serve-from DIR` to measure another checkout). Absolute milliseconds vary
on a shared machine; the ratios to the trivial Dash callback, measured in the same run, compare.
- Builds: `build_store` plus the checks, for the default data (real, every municipality).
- Peers: a trivial Dash callback (the floor) and a minimal Dash app with one line chart served
  the same way (benchmarks/minimal_app.py): every figure is also a ratio to them.
- Callbacks (benchmarks/callbacks.py): in-process, cold, warm and repeat.
- Visits (benchmarks/visits.py): a real Chromium on an emulated 10 Mbit/s, 40 ms link against
  gunicorn, and fifty people opening one link at once.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from benchmarks.callbacks import median_ms, minimal_ms, pages_for_store, time_calls, trivial_ms
from data_pipeline.build import build_store, load_all_inputs
from data_pipeline.checks import run_checks
from data_pipeline.settings import PipelineSettings


def bench_build(settings: PipelineSettings, inputs_for: Callable[[], dict], repeat: int) -> dict:
    """Median build+check time of a store from the given inputs."""

    settings.db_path.parent.mkdir(parents=True, exist_ok=True)

    def build() -> None:
        build_store(settings, settings.db_path, release_id="benchmark", inputs=inputs_for())
        failures = run_checks(settings.db_path)
        if failures:
            raise SystemExit(f"checks failed: {failures}")

    samples = time_calls(build, repeat)
    return {
        "median_ms": median_ms(samples),
        "min_ms": median_ms([min(samples)]),
        "max_ms": median_ms([max(samples)]),
    }


def main() -> None:
    """Run all measurements and print a table (optionally JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="pipeline builds per store size")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per callback")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument("--visits", type=int, default=3, help="browser visits (0: none)")
    parser.add_argument("--people", type=int, default=50, help="visitors opening one link")
    parser.add_argument(
        "--serve-from",
        type=Path,
        help="measure the visits against another checkout (e.g. a worktree of the commit before)",
    )
    parser.add_argument("--only-visits", action="store_true", help="skip builds and callbacks")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="sk-bench-"))
    national = PipelineSettings.from_env(db_path=work / "national" / "store.duckdb")
    results: dict[str, Any] = {"machine": machine_note(), "trivial_callback_ms": None}
    national.db_path.parent.mkdir(parents=True)
    if args.only_visits:
        publish_default(national)
        results["visits"] = measure_visits(national.db_path, args)
        print_visits(results["visits"])
        return
    results["build"] = {
        "national": bench_build(national, lambda: load_all_inputs(national), args.repeat),
    }
    publish_default(national)  # the pages read a published release, as in production
    results["trivial_callback_ms"] = trivial_ms(args.requests * 3)
    results["minimal_callback_ms"] = minimal_ms(args.requests * 3)
    from dashboard.app import create_app

    app = create_app()  # one app: Dash pages register process-wide
    client = app.server.test_client()
    client.get("/")
    results["pages"] = {"national": pages_for_store(app, client, national.db_path, args.requests)}
    if args.visits or args.people:
        results["visits"] = measure_visits(national.db_path, args)
    print_report(results)
    if "visits" in results:
        print_visits(results["visits"])
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


def publish_default(settings: PipelineSettings) -> None:
    """The embedded default data, published as `python -m data_pipeline run` does."""
    from data_pipeline.cli_common import builder
    from data_pipeline.publish import build_audit_publish

    build_audit_publish(settings.db_path, builder(settings))


def measure_visits(db_path: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Browser visits and the crowd against gunicorn serving this checkout or another, and
    the minimal peer app's visits served the same way."""
    from benchmarks import visits

    measured: dict[str, Any] = {"served_from": str(args.serve_from or "this checkout")}
    with visits.served(db_path, args.serve_from) as url:
        if args.visits:
            measured |= visits.browser_visits(url, args.visits)
        if args.people:
            measured["crowd"] = visits.crowd(url, people=args.people)
    if args.visits:
        with visits.served(db_path, None, app=visits.MINIMAL_APP) as url:
            minimal = visits.browser_visits(url, args.visits, link=visits.MINIMAL_LINK)
        measured["minimal_first_visit"] = minimal["first_visit"]
    return measured


def print_visits(measured: dict[str, Any]) -> None:
    """The visits as people make them."""
    print(f"Visits against {measured['served_from']} (gunicorn, 2 workers):")
    peer = measured.get("minimal_first_visit")
    for visit in ("first_visit", "repeat_visit", "minimal_first_visit"):
        if visit in measured:
            v = measured[visit]
            ratio = (
                f" = {v['first_chart_ms'] / peer['first_chart_ms']:.2f}x minimal" if peer else ""
            )
            print(
                f"  {visit:19} {v['wire_kb']:>8} kB over the wire ({v['decoded_kb']} kB decoded), "
                f"first chart after {v['first_chart_ms']} ms{ratio} (10 Mbit/s, 40 ms, 390 px)"
            )
    if "crowd" not in measured:
        return
    c = measured["crowd"]
    print(
        f"  crowd: one visitor of a fresh link {c['single_ms']} ms; {c.get('people', 50)} at once "
        f"p95 {c['p95_ms']} ms = {c['ratio']}x, {c['errors']} errors; "
        f"a repeat of a rendered link {c['repeat_single_ms']} ms"
    )
    sys.stdout.flush()


def machine_note() -> dict:
    """Versions and machine, so figures can be read in context."""
    import dash
    import duckdb

    return {
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "dash": dash.__version__,
        "pandas": pd.__version__,
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "date": time.strftime("%Y-%m-%d"),
    }


def print_report(results: dict) -> None:
    """Human-readable table with ratios to the trivial callback."""
    floor = results["trivial_callback_ms"]
    print(f"Machine: {results['machine']}")
    for scale, build in results["build"].items():
        print(
            f"Pipeline build + checks ({scale}): median {build['median_ms']} ms "
            f"(min {build['min_ms']}, max {build['max_ms']})"
        )
    peer = results["minimal_callback_ms"]
    print(f"Trivial Dash callback (floor): median {floor} ms")
    print(f"Minimal app's chart callback (peer): median {peer} ms")
    print(
        f"{'page':15} {'scale':9} {'cache':6} {'initial ms':>11} {'x peer':>7} "
        f"{'change ms':>10} {'x peer':>7} {'routing ms':>11} {'x peer':>7} {'x floor':>8}"
    )
    for scale, modes in results["pages"].items():
        for mode, pages in modes.items():
            for path, t in pages.items():
                print(
                    f"{path:15} {scale:9} {mode:6} {t['initial_ms']:>11} "
                    f"{t['initial_ms'] / peer:>7.1f} {t['control_change_ms']:>10} "
                    f"{t['control_change_ms'] / peer:>7.1f} {t['routing_ms']:>11} "
                    f"{t['routing_ms'] / peer:>7.1f} {t['routing_ms'] / floor:>8.1f}"
                )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
