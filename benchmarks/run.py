"""Benchmark: pipeline build time and the server time of page callbacks, as medians and ratios.

Run with `python -m benchmarks.run [--repeat N] [--requests N] [--json PATH]`. Everything is
measured in one run on this machine: absolute milliseconds vary with a shared machine, the
ratios to the trivial Dash callback (measured the same way, in the same run) are what compares.
Callbacks are timed in-process through Flask's test client: the full Dash request handling
(JSON in, layout and figures built and serialised, JSON out) without network noise.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from data_pipeline.build import build_store, load_all_inputs
from data_pipeline.checks import run_checks
from data_pipeline.settings import PipelineSettings
from data_pipeline.sources import reference, sample

PAGES = {  # page -> (initial search, search after a control change)
    "/": ("?gemeente=GM0351&jaar=2022", "?gemeente=GM0351&jaar=2020"),
    "/jeugdhulp": ("", "?maat=aantal"),
    "/verwijzingen": ("", "?vergelijking=grootte"),
    "/uitgaven": ("", "?maat=per-jongere&van=2018"),
    "/vrijwilligers": ("", "?gemeente=GM0345"),
}
NATIONAL_MUNICIPALITIES = 345


def median_ms(samples: list[float]) -> float:
    """Median of seconds, in milliseconds."""
    return round(1000 * statistics.median(samples), 2)


def time_calls(call: Callable[[], Any], repeat: int, warmup: int = 0) -> list[float]:
    """Wall-clock seconds of `repeat` calls after `warmup` untimed ones."""
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return samples


def national_inputs(settings: PipelineSettings) -> dict[str, pd.DataFrame]:
    """Default inputs plus ~345 generated municipalities over all provinces, 10 years."""
    inputs = load_all_inputs(settings)
    provinces = reference.read_reference(settings.data_dir, "provinces")["province_code"].tolist()
    rng = random.Random(2018)
    generated = pd.DataFrame(
        [
            {
                "municipality_code": f"GM9{i:03d}",
                "name": f"Voorbeeldgemeente {i}",
                "province_code": provinces[i % len(provinces)],
                "region_kind": "municipality",
                "approx_inhabitants": float(int(5000 * 50 ** rng.random())),
                "valid_from": pd.NA,
                "valid_to": pd.NA,
            }
            for i in range(NATIONAL_MUNICIPALITIES)
        ]
    )
    known = set(inputs["municipalities"]["municipality_code"])
    province_rows = pd.DataFrame(
        [
            {
                "municipality_code": code,
                "name": f"Provincie {code}",
                "province_code": "",
                "region_kind": "province",
                "approx_inhabitants": pd.NA,
                "valid_from": pd.NA,
                "valid_to": pd.NA,
            }
            for code in provinces
            if code not in known
        ]
    )
    municipalities = pd.concat(
        [inputs["municipalities"], province_rows, generated], ignore_index=True
    )
    batch = sample.generate_sample(
        sample.regions_from_reference(municipalities),
        range(settings.first_year, settings.last_year + 1),
    )
    sources = pd.concat([inputs["sources"][~inputs["sources"]["is_demo"]], batch.sources])
    inputs.update(municipalities=municipalities, observations=batch.observations, sources=sources)
    return inputs


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


def dash_request(client: Any, dependency: dict, inputs: list[dict]) -> dict:
    """POST one callback the way dash-renderer does; fail loudly on anything but 200."""
    payload = {
        "output": dependency["output"],
        "outputs": _outputs(dependency["output"]),
        "inputs": inputs,
        "changedPropIds": [f"{i['id']}.{i['property']}" for i in inputs],
        "state": [],
    }
    response = client.post("/_dash-update-component", json=payload)
    if response.status_code != 200:
        raise SystemExit(f"callback {dependency['output']} answered {response.status_code}")
    return response.get_json()


def _outputs(output: str) -> list[dict] | dict:
    if output.startswith(".."):
        parts = [part for part in output.strip(".").split("...") if part]
        return [dict(zip(("id", "property"), part.rsplit(".", 1), strict=True)) for part in parts]
    component, prop = output.rsplit(".", 1)
    return {"id": component, "property": prop}


def trivial_app_client() -> Any:
    """A one-callback Dash app (no pages), served the same way: the floor."""
    import dash
    from dash import Input, Output, dcc, html

    app = dash.Dash("trivial")
    app.layout = html.Div([dcc.Input(id="in", value="x"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("in", "value"))
    def echo(value: str) -> str:
        return value

    return app.server.test_client()


def bench_pages(client: Any, requests: int, *, cold: bool) -> dict[str, dict[str, float]]:
    """Median server time per page: initial callbacks (routing + footer) and a control change."""
    from dashboard import runtime

    dependencies = {d["output"]: d for d in client.get("/_dash-dependencies").get_json()}
    routing = next(d for key, d in dependencies.items() if "_pages_content" in key)
    footer = dependencies["app-footer.children"]

    def route(path: str, search: str) -> Callable[[], None]:
        def call() -> None:
            if cold:
                with client.application.app_context():
                    runtime.current().store.current().clear_cache()
            body = dash_request(
                client,
                routing,
                [
                    {"id": "_pages_location", "property": "pathname", "value": path},
                    {"id": "_pages_location", "property": "search", "value": search},
                ],
            )
            if "Bron:" not in json.dumps(body):
                raise SystemExit(f"{path}{search}: no source line in the response")
            dash_request(client, footer, [{"id": "app-url", "property": "search", "value": search}])

        return call

    results = {}
    for path, (initial, changed) in PAGES.items():
        results[path] = {
            "initial_ms": median_ms(time_calls(route(path, initial), requests, warmup=2)),
            "control_change_ms": median_ms(time_calls(route(path, changed), requests, warmup=2)),
        }
    return results


def trivial_ms(requests: int) -> float:
    """Median server time of the trivial callback."""
    client = trivial_app_client()
    dependency = client.get("/_dash-dependencies").get_json()[0]
    inputs = [{"id": "in", "property": "value", "value": "x"}]
    return median_ms(time_calls(lambda: dash_request(client, dependency, inputs), requests, 5))


def main() -> None:
    """Run all measurements and print a table (optionally JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="pipeline builds per store size")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per callback")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="sk-bench-"))
    province = PipelineSettings.from_env(db_path=work / "province" / "store.duckdb")
    national = PipelineSettings.from_env(db_path=work / "national" / "store.duckdb")
    results: dict[str, Any] = {"machine": machine_note(), "trivial_callback_ms": None}
    results["build"] = {
        "province": bench_build(province, lambda: load_all_inputs(province), args.repeat),
        "national": bench_build(national, lambda: national_inputs(national), args.repeat),
    }
    results["trivial_callback_ms"] = trivial_ms(args.requests * 3)
    from dashboard.app import create_app

    app = create_app()  # one app: Dash pages register process-wide
    client = app.server.test_client()
    client.get("/")
    results["pages"] = {
        scale: pages_for_store(app, client, settings.db_path, args.requests)
        for scale, settings in (("province", province), ("national", national))
    }
    print_report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


def pages_for_store(app: Any, client: Any, store: Path, requests: int) -> dict:
    """Cold (empty query cache every request) and warm page timings against one store."""
    from dashboard import runtime
    from dashboard.app import QUERY_DIR
    from dashboard.db import Store
    from dashboard.settings import Settings

    runtime.install(app.server, runtime.Runtime(Settings(db_path=store), Store(store, QUERY_DIR)))
    return {
        "cold": bench_pages(client, requests, cold=True),
        "warm": bench_pages(client, requests, cold=False),
    }


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
    print(f"Trivial Dash callback (floor): median {floor} ms")
    print(
        f"{'page':15} {'scale':9} {'cache':5} {'initial ms':>11} {'ratio':>6} "
        f"{'change ms':>10} {'ratio':>6}"
    )
    for scale, modes in results["pages"].items():
        for mode, pages in modes.items():
            for path, timing in pages.items():
                print(
                    f"{path:15} {scale:9} {mode:5} {timing['initial_ms']:>11} "
                    f"{timing['initial_ms'] / floor:>6.1f} {timing['control_change_ms']:>10} "
                    f"{timing['control_change_ms'] / floor:>6.1f}"
                )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
