"""The served app under faults, with a real gunicorn: a damaged store, slow clients, bad bodies."""

from __future__ import annotations

import json
import os
import socket
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from dashboard.serving.warmup import router_request
from tests.conftest import fixture_settings, publish_fixture_store
from tests.serving import gunicorn


def get(url: str, timeout: float = 10) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def post(url: str, body: bytes, timeout: float = 30) -> tuple[int, bytes]:
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def render(url: str, path: str) -> tuple[int, str]:
    status, body = post(
        f"{url}/_dash-update-component", json.dumps(router_request(path, "")).encode()
    )
    return status, body.decode("utf-8", errors="replace")


def point_store_at(db_path: Path, release: Path) -> None:
    """Swap the store link to `release` as a publish does (atomic rename of a new link)."""
    link = db_path.with_name(db_path.name + ".next")
    link.unlink(missing_ok=True)
    link.symlink_to(Path("releases") / release.name)
    os.replace(link, db_path)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("served")
    settings = fixture_settings(root)
    good = publish_fixture_store(settings)
    with gunicorn(settings.db_path) as url:
        yield url, settings.db_path, good


def damaged(good: Path, kind: str, number: int) -> Path:
    data = good.read_bytes()
    content = {
        "afgekapt": data[: len(data) // 3],
        "willekeurig": os.urandom(300_000),
        "leeg": b"",
    }[kind]
    path = good.with_name(f"2099-01-01.{number}.duckdb")
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("number, kind", [(1, "afgekapt"), (2, "willekeurig"), (3, "leeg")])
def test_a_damaged_store_gets_json_503_and_a_dutch_page(served, number, kind):
    url, db_path, good = served
    point_store_at(db_path, damaged(good, kind, number))
    try:
        status, body = get(f"{url}/health")
        assert status == 503
        answer = json.loads(body)
        assert (
            answer["status"] == "store-broken"
            and f"2099-01-01.{number}.duckdb" in answer["problem"]
        )
        for path in ("/", "/jeugdhulp", "/casussen", "/gegevens"):
            page_status, page = render(url, path)
            assert page_status == 200, (path, page[:300])
            assert "beschadigd" in page and "Er ging iets mis" not in page, path
        index_status, index = get(f"{url}/jeugdhulp")
        assert index_status == 200 and b"<html" in index  # the app shell still loads
    finally:
        point_store_at(db_path, good)
    assert get(f"{url}/health")[0] == 200  # a good publish is served again at once


def test_a_link_pinned_to_a_good_release_opens_while_the_current_one_is_damaged(served):
    url, db_path, good = served
    point_store_at(db_path, damaged(good, "afgekapt", 4))
    try:
        body = json.dumps(router_request("/", f"?gemeente=GM0351&versie={good.stem}")).encode()
        status, page = post(f"{url}/_dash-update-component", body)
        text = page.decode()
        assert status == 200 and "beschadigd" not in text and "jongeren" in text
    finally:
        point_store_at(db_path, good)


def test_a_missing_store_gets_json_503(served):
    url, db_path, good = served
    point_store_at(db_path, good.with_name("2099-01-01.9.duckdb"))  # a link to nothing
    try:
        status, body = get(f"{url}/health")
        assert status == 503 and json.loads(body)["status"] == "no-store"
        page_status, page = render(url, "/")
        assert page_status == 200 and "nog geen cijfers gepubliceerd" in page
    finally:
        point_store_at(db_path, good)


@pytest.mark.parametrize(
    "body",
    [
        b"{}",
        b"[]",
        b'"tekst"',
        b'{"output": "bestaat-niet.children", "outputs": {}, "inputs": []}',
        json.dumps({**router_request("/", ""), "inputs": []}).encode(),
        json.dumps({**router_request("/", ""), "inputs": [1, 2]}).encode(),
        json.dumps({**router_request("/", ""), "outputs": None}).encode(),
        b'{"output": "..\\u0000',
    ],
)
def test_a_malformed_callback_body_gets_400_not_500(served, body):
    url, _, _ = served
    status, answer = post(f"{url}/_dash-update-component", body)
    assert status == 400, answer[:300]


def slow_client(host: str, port: int) -> socket.socket:
    """A client that announces a body and then sends it a byte at a time (never finishing)."""
    connection = socket.create_connection((host, port))
    connection.sendall(
        b"POST /_dash-update-component HTTP/1.1\r\nHost: x\r\n"
        b"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"
    )
    return connection


def test_slow_clients_do_not_block_health(served):
    url, _, _ = served
    host, port = url.removeprefix("http://").split(":")
    clients = [slow_client(host, int(port)) for _ in range(4)]
    try:
        answers = []
        for _ in range(5):
            for client in clients:
                client.sendall(b" ")  # one byte a second, as in the probe
            answers.append(get(f"{url}/health", timeout=5)[0])
            time.sleep(1)
        assert answers == [200] * 5
    finally:
        for client in clients:
            client.close()


def test_responses_carry_security_headers_and_no_server_version(served):
    url, _, _ = served
    with urllib.request.urlopen(f"{url}/jeugdhulp", timeout=10) as response:
        headers = response.headers
    assert "script-src 'self' 'sha256-" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert not any(character.isdigit() for character in headers.get("Server", ""))


def test_a_port_in_use_is_named_with_the_setting_that_changes_it(store):
    """`python -m dashboard` on a taken port says which setting to change, in Dutch."""
    import os
    import socket
    import subprocess
    import sys

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {**os.environ, "SK_DB_PATH": str(store), "SK_PORT": str(port), "SK_HOST": "127.0.0.1"}
        result = subprocess.run(
            [sys.executable, "-m", "dashboard"], env=env, capture_output=True, text=True, timeout=60
        )
    assert result.returncode == 2
    assert f"Poort {port}" in result.stderr and "SK_PORT" in result.stderr
    assert "Traceback" not in result.stderr
