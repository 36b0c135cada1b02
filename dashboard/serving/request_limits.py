"""Limits on what one request may cost, before Flask or Dash sees it (a WSGI middleware).

- A body larger than MAX_BODY_BYTES: 413. A chunked body (no length): 411. A query string longer
  than MAX_QUERY_CHARS: 414. Dash's callbacks are small JSON; nothing here needs more.
- A body must arrive within BODY_SECONDS in all: a client that sends a byte every few seconds
  holds a server thread; it gets 408 and the connection is closed instead of waiting forever.
- Files under Dash's component suites that are not scripts, styles or maps: 404 (Dash would
  try to serve e.g. its own `__init__.py` and fail with a 500).
Answers are JSON problem details (RFC 9457) naming what was too large or too slow.
"""

from __future__ import annotations

import contextlib
import io
import json
import socket
import threading
from collections.abc import Callable, Iterable
from typing import Any

MAX_BODY_BYTES = 1_000_000  # a callback body is a few kB; a page's whole state well under 1 MB
MAX_QUERY_CHARS = 4_096
BODY_SECONDS = 10.0
CHUNK = 64 * 1024
SUITE_PREFIX = "/_dash-component-suites/"
SUITE_FILES = (".js", ".css", ".map", ".json", ".wasm", ".woff", ".woff2", ".ttf", ".svg")

StartResponse = Callable[..., Any]


def problem(status: int, title: str, detail: str, start_response: StartResponse) -> list[bytes]:
    """An RFC 9457 problem document; the connection is closed after it."""
    reasons = {
        404: "Not Found",
        408: "Request Timeout",
        411: "Length Required",
        413: "Content Too Large",
        414: "URI Too Long",
    }
    body = json.dumps(
        {"type": "about:blank", "title": title, "status": status, "detail": detail},
        ensure_ascii=False,
    ).encode("utf-8")
    start_response(
        f"{status} {reasons[status]}",
        [
            ("Content-Type", "application/problem+json"),
            ("Content-Length", str(len(body))),
            ("Connection", "close"),
        ],
    )
    return [body]


def _read_body(environ: dict, length: int) -> bytes | None:
    """The whole body within BODY_SECONDS, else None. Under gunicorn a timer shuts the socket
    for reading when the time is up (a client sending a byte every second would otherwise keep
    every read alive); the answer can still be written."""
    stream = environ["wsgi.input"]
    sock = environ.get("gunicorn.socket")
    timer = None
    if isinstance(sock, socket.socket):
        timer = threading.Timer(BODY_SECONDS, _stop_reading, args=(sock,))
        timer.daemon = True
        timer.start()
    parts, received = [], 0
    try:
        while received < length:
            chunk = stream.read(min(CHUNK, length - received))
            if not chunk:
                break
            parts.append(chunk)
            received += len(chunk)
    except (TimeoutError, OSError, ValueError):
        return None
    finally:
        if timer is not None:
            timer.cancel()
    return b"".join(parts) if received == length else None


def _stop_reading(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RD)


class RequestLimits:
    """Wraps a WSGI app; see the module docstring for what it refuses and why."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path.startswith(SUITE_PREFIX) and not path.endswith(SUITE_FILES):
            return problem(404, "Niet gevonden", "geen bestand van de app", start_response)
        if len(environ.get("QUERY_STRING", "")) > MAX_QUERY_CHARS:
            detail = f"de link is langer dan {MAX_QUERY_CHARS} tekens"
            return problem(414, "Link te lang", detail, start_response)
        if "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
            return problem(411, "Lengte ontbreekt", "stuur een Content-Length", start_response)
        length = int(environ.get("CONTENT_LENGTH") or 0)
        if length > MAX_BODY_BYTES:
            detail = f"het verzoek is {length} bytes; het maximum is {MAX_BODY_BYTES}"
            return problem(413, "Verzoek te groot", detail, start_response)
        if length:
            body = _read_body(environ, length)
            if body is None:
                detail = f"het verzoek kwam niet binnen {BODY_SECONDS:.0f} seconden binnen"
                return problem(408, "Verzoek te traag", detail, start_response)
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
        return self.app(environ, start_response)
