"""Visits as people make them: a real Chromium on an emulated 10 Mbit/s, 40 ms link, and fifty
people opening one link at once, both against the app under gunicorn (gunicorn.conf.py).

`serve_from` lets the same measurement run against another checkout (e.g. the commit before a
change, in a git worktree), so "before" and "after" come from one script on one machine.
"""

from __future__ import annotations

import json
import statistics
import threading
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dashboard.serving.warmup import router_request
from tests.serving import gunicorn

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LINK = "/jeugdhulp?gemeente=GM0351"
# 10 Mbit/s both ways and 40 ms latency, as Chrome DevTools emulates it (bytes per second).
NETWORK = {
    "offline": False,
    "latency": 40,
    "downloadThroughput": 10e6 / 8,
    "uploadThroughput": 10e6 / 8,
}
FIRST_CHART = ".js-plotly-plot .scatterlayer .trace, .js-plotly-plot .barlayer .trace"


MINIMAL_APP, MINIMAL_LINK = "benchmarks.minimal_app:server", "/?punten=10"


@contextmanager
def served(db_path: Path, project: Path | None, app: str = "dashboard.app:server") -> Iterator[str]:
    """gunicorn with 2 workers on `db_path`, from this checkout or `project` (or another
    app of this checkout, such as the minimal peer app, with the same settings)."""
    with gunicorn(db_path, workers=2, project=project, app=app) as url:
        yield url


def _visit(page: Any, cdp: Any, url: str) -> dict[str, float]:
    """Open `url`; bytes over the wire, bytes after decompression, ms to the first chart."""
    wire, decoded = [0], [0]
    cdp.on(
        "Network.loadingFinished", lambda e: wire.__setitem__(0, wire[0] + e["encodedDataLength"])
    )
    cdp.on("Network.dataReceived", lambda e: decoded.__setitem__(0, decoded[0] + e["dataLength"]))
    page.goto(url, wait_until="commit")
    page.wait_for_selector(FIRST_CHART, state="attached", timeout=60_000)
    first_chart_ms = page.evaluate("performance.now()")  # since this navigation started
    page.wait_for_load_state("networkidle")
    return {
        "wire_kb": round(wire[0] / 1024, 1),
        "decoded_kb": round(decoded[0] / 1024, 1),
        "first_chart_ms": round(first_chart_ms),
    }


def browser_visits(url: str, repeat: int, link: str = LINK) -> dict[str, dict[str, float]]:
    """Median first visit (cold browser cache) and repeat visit (same browser) of `link`."""
    from playwright.sync_api import sync_playwright

    first, again = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for attempt in range(repeat):
            context = browser.new_context(viewport={"width": 390, "height": 844})
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", NETWORK)
            # A distinct link per attempt: the server has not rendered it yet either.
            fresh = f"{url}{link}&van={2015 + attempt % 3}"
            first.append(_visit(page, cdp, fresh))
            again.append(_visit(page, cdp, fresh))
            context.close()
        browser.close()
    return {"first_visit": _medians(first), "repeat_visit": _medians(again)}


def _medians(samples: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(s[key] for s in samples) for key in samples[0]}


def _open(url: str, search: str) -> float:
    """One visitor's page render (the router callback the browser posts), in seconds."""
    body = router_request("/jeugdhulp", search)
    request = urllib.request.Request(
        f"{url}/_dash-update-component",
        data=json.dumps(body).encode(),
        method="POST",
        headers={"Content-Type": "application/json", "Accept-Encoding": "gzip"},
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:
        response.read()
        if response.status != 200:
            raise RuntimeError(f"answer {response.status}")
    return time.perf_counter() - started


def _fresh_links(count: int, offset: int) -> list[str]:
    """Links nobody opened yet: same page, another period each (a fresh render every time)."""
    return [
        f"?gemeente=GM0351&van={2015 + (offset + i) % 5}&tot={2020 + (offset + i) // 5 % 5}"
        for i in range(count)
    ]


def crowd(url: str, people: int = 50, trials: int = 5) -> dict[str, float]:
    """A single visitor of a fresh link, against `people` opening one fresh link at once."""
    alone = [_open(url, link) for link in _fresh_links(trials * 2, 0)]
    waits: list[float] = []
    errors = 0
    for trial, link in enumerate(_fresh_links(trials, 100)):
        start = threading.Barrier(people)

        def visitor(_: int, link: str = link, start: threading.Barrier = start) -> float | None:
            start.wait()
            try:
                return _open(url, link)
            except Exception:  # noqa: BLE001 - counted, not raised
                return None

        with ThreadPoolExecutor(max_workers=people) as pool:
            answers = list(pool.map(visitor, range(people)))
        errors += sum(a is None for a in answers)
        waits += [a for a in answers if a is not None]
        del trial
    warm = [_open(url, _fresh_links(1, 0)[0]) for _ in range(20)]
    single = statistics.median(alone)
    p95 = statistics.quantiles(waits, n=20)[-1]
    return {
        "single_ms": round(1000 * single, 1),
        "p95_ms": round(1000 * p95, 1),
        "ratio": round(p95 / single, 1),
        "errors": errors,
        "repeat_single_ms": round(1000 * statistics.median(warm), 1),
    }
