"""What one request may cost, under a real gunicorn: body size and time, query length, JSON
depth, file paths, release ids - each refused with a JSON problem, never a 500."""

from __future__ import annotations

import base64
import contextlib
import json
import socket
import time
import urllib.error
import urllib.request

import pytest

from dashboard.serving.request_limits import BODY_SECONDS, MAX_BODY_BYTES
from dashboard.serving.warmup import router_request
from tests.conftest import fixture_settings, publish_fixture_store
from tests.serving import gunicorn


def call(url: str, body: bytes | None = None, timeout: float = 30) -> tuple[int, bytes, str]:
    request = urllib.request.Request(
        url,
        data=body,
        headers={"Content-Type": "application/json"},
        method="POST" if body else "GET",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers.get("Content-Type", "")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    settings = fixture_settings(tmp_path_factory.mktemp("limits"))
    publish_fixture_store(settings)
    with gunicorn(settings.db_path) as url:
        yield url


def test_a_body_over_the_limit_gets_413_before_it_is_read(served):
    status, body, kind = call(f"{served}/_dash-update-component", b"x" * (MAX_BODY_BYTES + 1))
    assert status == 413 and kind == "application/problem+json"
    assert json.loads(body)["status"] == 413


def test_a_json_body_nested_a_thousand_deep_gets_400_not_500(served):
    status, _, _ = call(f"{served}/_dash-update-component", b"[" * 1000 + b"]" * 1000)
    assert status == 400


def test_a_non_script_in_the_component_suites_is_404_not_500(served):
    assert call(f"{served}/_dash-component-suites/dash/__init__.py")[0] == 404


def test_an_overlong_link_gets_414(served):
    assert call(f"{served}/jeugdhulp?x=" + "a" * 5000)[0] == 414


def test_a_link_with_thousands_of_unknown_parameters_names_ten(served):
    search = "?" + "&".join(f"p{i}=1" for i in range(300))
    status, body, _ = call(
        f"{served}/_dash-update-component",
        json.dumps(router_request("/jeugdhulp", search)).encode(),
    )
    assert status == 200 and len(body) < 2_000_000 and "nog 290 parameters" in body.decode()


def test_a_made_up_release_id_never_appears_in_the_page(served):
    search = "?versie=bestand-<b>iets</b>"
    status, body, _ = call(
        f"{served}/_dash-update-component",
        json.dumps(router_request("/jeugdhulp", search)).encode(),
    )
    text = body.decode()
    assert status == 200 and "bestaat niet (meer)" in text
    assert (
        "versie=bestand-" not in text
    )  # the share link, print header and previews use the real one


def download_request(stored: dict) -> dict:
    """The body the browser posts when 'Download CSV' is clicked on the Jeugdhulp trend panel."""
    panel = "jeugdhulp-trend"
    button = {"format": "csv", "panel": panel, "type": "sk-download-button"}
    return {
        "output": '{"panel":["MATCH"],"type":"sk-download"}.data',
        "outputs": {"id": {"panel": panel, "type": "sk-download"}, "property": "data"},
        "inputs": [
            {"id": button, "property": "n_clicks", "value": 1},
            {"id": {**button, "format": "xlsx"}, "property": "n_clicks", "value": None},
        ],
        "changedPropIds": [json.dumps(button, separators=(",", ":")) + ".n_clicks"],
        "state": [
            {"id": {"panel": panel, "type": "sk-panel-data"}, "property": "data", "value": stored}
        ],
    }


def test_a_download_holds_the_servers_rows_whatever_the_browser_posts(served):
    forged = {
        "link": "/jeugdhulp?gemeente=GM0351&maat=aantal",
        "name": "Jongeren",
        "rows": [["Woudenberg", 2022, 1, "verzonnen"]],  # what a hostile page could post
        "columns": ["Reeks", "Jaar", "Waarde", "Status"],
    }
    status, body, _ = call(
        f"{served}/_dash-update-component", json.dumps(download_request(forged)).encode()
    )
    assert status == 200
    (answer,) = json.loads(body)["response"].values()
    content = base64.b64decode(answer["data"]["content"])
    text = content.decode("utf-8-sig")
    assert "verzonnen" not in text and "Woudenberg" in text and "Bron" in text


def slow_client(host: str, port: int) -> socket.socket:
    connection = socket.create_connection((host, port))
    connection.sendall(
        b"POST /_dash-update-component HTTP/1.1\r\nHost: x\r\n"
        b"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"
    )
    return connection


def test_slow_bodies_are_cut_off_and_the_site_keeps_answering(served):
    """Thirty clients that send a byte every two seconds: each gets 408 within BODY_SECONDS of
    a thread taking it up (a client that waited for a thread: twice that), its thread is free
    again, and /health answers."""
    host, port = served.removeprefix("http://").split(":")
    clients = [slow_client(host, int(port)) for _ in range(30)]
    try:
        started = time.monotonic()
        while time.monotonic() - started < 2 * BODY_SECONDS + 4:
            for client in clients:
                with contextlib.suppress(OSError):  # answered and closed: what we want
                    client.sendall(b" ")
            time.sleep(2)
        answers = []
        for client in clients:
            client.settimeout(5)
            try:
                answers.append(client.recv(200))
            except OSError:
                answers.append(b"")
        assert sum(b" 408 " in answer for answer in answers) == len(clients)
        assert call(f"{served}/health", timeout=5)[0] == 200
    finally:
        for client in clients:
            client.close()
