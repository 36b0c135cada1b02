"""Server time of page callbacks, in-process through Flask's test client.

The full Dash request handling (JSON in, layout and figures built and serialised, compressed
JSON out) without network noise. Three states of the caches:
- cold: no query results and no cached response (the first visitor after a publish);
- warm: query results kept, no cached response (another view of the same release);
- repeat: the same link again (a cached response).
The floor is a one-input, one-output Dash callback served the same way.
"""

from __future__ import annotations

import gzip
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PAGES = {  # page -> (initial search, search after a control change)
    "/": ("?gemeente=GM0351&jaar=2022", "?gemeente=GM0351&jaar=2020"),
    "/jeugdhulp": ("", "?maat=aantal"),
    "/verwijzingen": ("", "?vergelijking=grootte"),
    "/uitgaven": ("", "?maat=per-jongere&van=2018"),
    "/vrijwilligers": ("", "?gemeente=GM0345"),
    "/casussen": ("", "?thema=jeugd"),
    "/gegevens": ("", ""),  # no controls: the same view twice
}


def median_ms(samples: list[float]) -> float:
    """Median of seconds, in milliseconds."""
    return round(1000 * statistics.median(samples), 2)


def time_calls(
    call: Callable[[], Any],
    repeat: int,
    warmup: int = 0,
    prepare: Callable[[], Any] = lambda: None,
) -> list[float]:
    """Wall-clock seconds of `repeat` calls after `warmup` untimed ones; `prepare` (untimed)
    runs before each call."""
    for _ in range(warmup):
        prepare()
        call()
    samples = []
    for _ in range(repeat):
        prepare()
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return samples


def dash_request(client: Any, dependency: dict, inputs: list[dict], *, read: bool = True) -> dict:
    """POST one callback the way dash-renderer does; fail loudly on anything but 200.

    `read=False` leaves the answer unread (timed calls measure the server, not the decoding).
    """
    payload = {
        "output": dependency["output"],
        "outputs": _outputs(dependency["output"]),
        "inputs": inputs,
        "changedPropIds": [f"{i['id']}.{i['property']}" for i in inputs],
        "state": [],
    }
    response = client.post(
        "/_dash-update-component", json=payload, headers={"Accept-Encoding": "gzip"}
    )
    if response.status_code != 200:
        raise SystemExit(f"callback {dependency['output']} answered {response.status_code}")
    if not read:
        return {}
    body = response.get_data()
    if response.headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return json.loads(body)


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


def bench_pages(client: Any, requests: int, *, mode: str) -> dict[str, dict[str, float]]:
    """Median server time per page: initial callbacks (routing + footer) and a control change."""
    from dashboard.serving import runtime

    try:
        from dashboard.serving import response_cache
    except ImportError:  # an older checkout (--serve-from) has no response cache
        response_cache = None  # type: ignore[assignment]

    dependencies = {d["output"]: d for d in client.get("/_dash-dependencies").get_json()}
    routing = next(d for key, d in dependencies.items() if "_pages_content" in key)
    footer = dependencies["app-footer.children"]

    def inputs(path: str, search: str) -> list[dict]:
        return [
            {"id": "_pages_location", "property": "pathname", "value": path},
            {"id": "_pages_location", "property": "search", "value": search},
        ]

    def forget() -> None:  # untimed: the state of the caches this mode measures
        if mode == "cold":
            with client.application.app_context():
                runtime.current().store.current().clear_cache()
        if mode in ("cold", "warm") and response_cache is not None:
            response_cache.clear(client.application)

    def route(path: str, search: str, *, with_footer: bool = True) -> Callable[[], None]:
        body = dash_request(client, routing, inputs(path, search))  # checked once, untimed
        if "Bron" not in json.dumps(body):  # every page names its sources
            raise SystemExit(f"{path}{search}: no source in the response")

        def call() -> None:
            dash_request(client, routing, inputs(path, search), read=False)
            if with_footer:
                footer_input = {"id": "app-url", "property": "search", "value": search}
                dash_request(client, footer, [footer_input], read=False)

        return call

    results = {}
    for path, (initial, changed) in PAGES.items():
        results[path] = {
            "initial_ms": median_ms(time_calls(route(path, initial), requests, 2, forget)),
            "control_change_ms": median_ms(time_calls(route(path, changed), requests, 2, forget)),
            "routing_ms": median_ms(
                time_calls(route(path, initial, with_footer=False), requests, 2, forget)
            ),
        }
    return results


def trivial_ms(requests: int) -> float:
    """Median server time of the trivial callback."""
    client = trivial_app_client()
    dependency = client.get("/_dash-dependencies").get_json()[0]
    inputs = [{"id": "in", "property": "value", "value": "x"}]
    return median_ms(
        time_calls(lambda: dash_request(client, dependency, inputs, read=False), requests, 5)
    )


def pages_for_store(app: Any, client: Any, store: Path, requests: int) -> dict:
    """Page timings against one store in each state of the caches (see the module's doc)."""
    from dashboard.app import QUERY_DIR
    from dashboard.serving import runtime
    from dashboard.settings import Settings
    from dashboard.store.db import Store

    runtime.install(app.server, runtime.Runtime(Settings(db_path=store), Store(store, QUERY_DIR)))
    return {mode: bench_pages(client, requests, mode=mode) for mode in ("cold", "warm", "repeat")}


def minimal_ms(requests: int) -> float:
    """Median server time of the minimal peer app's chart callback (benchmarks/minimal_app.py)."""
    from benchmarks.minimal_app import callback_request, server

    client = server.test_client()

    def call() -> None:
        response = client.post(
            "/_dash-update-component",
            json=callback_request("?punten=10"),
            headers={"Accept-Encoding": "gzip"},
        )
        if response.status_code != 200:
            raise SystemExit(f"the minimal app answered {response.status_code}")

    return median_ms(time_calls(call, requests, 5))
