"""The response cache: one render per (release, link), shared through a real Redis when set."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from dashboard.app import create_app
from dashboard.serving.warmup import router_request
from dashboard.settings import Settings
from tests.conftest import fixture_settings, publish_fixture_store
from tests.serving import free_port

GZIP = {"Accept-Encoding": "gzip"}


def render(client, path: str = "/jeugdhulp", search: str = ""):
    return client.post("/_dash-update-component", json=router_request(path, search), headers=GZIP)


@pytest.fixture()
def store(tmp_path):
    settings = fixture_settings(tmp_path)
    publish_fixture_store(settings)
    return settings


def client_for(settings, **cache) -> object:
    app = create_app(Settings(db_path=settings.db_path, **cache))
    client = app.server.test_client()
    client.get("/")
    return client


def test_the_same_link_is_rendered_once_and_then_served_from_the_cache(store):
    client = client_for(store)
    first, second = render(client), render(client)
    assert first.headers["X-SK-Cache"] == "miss" and second.headers["X-SK-Cache"] == "hit"
    assert second.data == first.data and second.headers["Content-Encoding"] == "gzip"
    assert render(client, search="?gemeente=GM0352").headers["X-SK-Cache"] == "miss"


def test_a_new_release_never_gets_an_old_cached_view(store):
    client = client_for(store)
    before = render(client)
    new_release = publish_fixture_store(store).stem
    after = render(client)
    assert after.headers["X-SK-Cache"] == "miss"
    assert new_release not in gzip.decompress(before.data).decode()
    assert new_release in gzip.decompress(after.data).decode()


def test_a_page_that_cannot_read_its_store_is_not_kept(store):
    client = client_for(store)
    store.db_path.resolve().write_bytes(b"")  # the current release, damaged in place
    for _ in range(2):
        assert render(client).headers.get("X-SK-Cache") != "hit"


@pytest.fixture()
def redis_url(tmp_path):
    """A real redis-server on a free port, stopped after the test."""
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server not found; .ci/run installs it")
        pytest.skip("redis-server is not installed (.ci/run installs it)")
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )
    import redis

    connection = redis.Redis(port=port)
    deadline = time.monotonic() + 20
    while True:
        try:
            connection.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


def test_two_app_servers_share_renders_through_redis(store, redis_url):
    import redis

    first = client_for(store, cache_redis_url=redis_url)
    second = client_for(store, cache_redis_url=redis_url)
    rendered = render(first)
    shared = render(second)
    assert rendered.headers["X-SK-Cache"] == "miss" and shared.headers["X-SK-Cache"] == "hit"
    assert shared.data == rendered.data
    assert redis.Redis.from_url(redis_url).keys("sociaal-kompas:*")


def test_a_cache_that_is_down_is_skipped_not_fatal(store):
    client = client_for(store, cache_redis_url=f"redis://127.0.0.1:{free_port()}/0")
    response = render(client)
    assert response.status_code == 200 and response.headers["X-SK-Cache"] == "miss"


def test_people_opening_a_fresh_link_at_once_share_one_render(store):
    client = client_for(store)
    app = client.application
    start = threading.Barrier(8)

    def open_link() -> str:
        own = app.test_client()
        start.wait()
        return render(own, search="?gemeente=GM0345").headers["X-SK-Cache"]

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda _: open_link(), range(8)))
    assert sorted(answers) == ["hit"] * 7 + ["miss"]


def test_two_stores_sharing_one_redis_never_serve_each_other(tmp_path, redis_url):
    """Every image builds '<day>.1': the key carries the build's own id, not just the name."""
    from tests.conftest import fixture_observations_loader, later_import, publish_with

    first, second = fixture_settings(tmp_path / "a"), fixture_settings(tmp_path / "b")
    publish_fixture_store(first)
    other = later_import("GM0351", "Gemeente", "2030-01-01", 4321.0, "youth_care_clients")
    publish_with(second, fixture_observations_loader, other)
    assert first.db_path.resolve().name == second.db_path.resolve().name  # the same release id
    a = client_for(first, cache_redis_url=redis_url)
    b = client_for(second, cache_redis_url=redis_url)
    search = "?gemeente=GM0351&maat=aantal"
    assert render(a, search=search).headers["X-SK-Cache"] == "miss"
    answer = render(b, search=search)
    assert answer.headers["X-SK-Cache"] == "miss"
    assert "4.321" in gzip.decompress(answer.data).decode()


def test_a_render_and_its_cache_key_use_the_same_release(store, monkeypatch):
    """A publish landing between the cache lookup and the render: the view is rendered from
    the release its key names, so the key never holds another release's numbers."""
    from dashboard.store import queries

    client = client_for(store)
    before = store.db_path.resolve().stem
    original, published = queries.store_info, []

    def publish_midway(release):
        if not published:
            published.append(publish_fixture_store(store).stem)
        return original(release)

    monkeypatch.setattr(queries, "store_info", publish_midway)
    body = gzip.decompress(render(client, search="?gemeente=GM0345").data).decode()
    assert published and f"versie={before}" in body and f"versie={published[0]}" not in body


def redis_process(url: str) -> int:
    """The pid of the redis-server listening on the url's port."""
    port = url.rsplit(":", 1)[1].split("/")[0]
    found = subprocess.run(["pgrep", "-f", f"redis-server.*{port}"], capture_output=True, text=True)
    return int(found.stdout.split()[0])


@pytest.mark.parametrize("fault", ["frozen", "killed"])
def test_redis_trouble_falls_back_to_memory_and_health_says_degraded(store, redis_url, fault):
    import signal

    client = client_for(store, cache_redis_url=redis_url)
    assert client.get("/health").get_json()["cache"] == "redis"
    pid = redis_process(redis_url)
    os.kill(pid, signal.SIGSTOP if fault == "frozen" else signal.SIGKILL)
    try:
        first = render(client, search="?gemeente=GM0352")
        again = render(client, search="?gemeente=GM0352")
        health = client.get("/health").get_json()
    finally:
        if fault == "frozen":
            os.kill(pid, signal.SIGCONT)
    assert first.status_code == 200 and again.headers["X-SK-Cache"] == "hit"  # from memory
    assert health["status"] == "ok" and health["cache"] == "degraded"
