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
from dashboard.settings import Settings
from dashboard.warmup import router_request
from tests.conftest import fixture_settings, publish_fixture_store
from tests.serving import free_port

GZIP = {"Accept-Encoding": "gzip"}


def render(client, path: str = "/jeugdhulp", search: str = ""):  # noqa: ANN001, ANN201
    return client.post("/_dash-update-component", json=router_request(path, search), headers=GZIP)


@pytest.fixture()
def store(tmp_path):  # noqa: ANN201
    settings = fixture_settings(tmp_path)
    publish_fixture_store(settings)
    return settings


def client_for(settings, **cache) -> object:  # noqa: ANN001
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
        assert render(client).headers["X-SK-Cache"] == "miss"


@pytest.fixture()
def redis_url(tmp_path):  # noqa: ANN201
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
