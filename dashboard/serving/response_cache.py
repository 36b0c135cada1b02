"""Whole responses cached per (release, request): fifty people opening one link cost one render.

A view is a pure function of the release and the request (the link is in the callback body),
so a finished response - compressed, as it was sent - is kept under a key made of the current
release id, the request (method, host, path, body) and the encodings the client accepts. A new
release has a new id, so it never gets an old view. Fingerprinted files (Dash's component suites,
assets with `?m=`) are kept without a release: their URL changes when they do.

Backend: an in-process cache by default; Redis when SK_CACHE_REDIS_URL is set, so several app
servers behind a load balancer share it. Redis gets short timeouts; when it fails (down, frozen)
the process uses its own in-memory cache for REDIS_PAUSE_S before trying Redis again, so a
broken Redis costs one short timeout, not every request, and /health says the cache is degraded.
Keys carry the release id and the build's own random id: two stores sharing one Redis never
serve each other's views.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from typing import Any

import dash
import flask
from flask_caching import Cache

from dashboard.serving import CALLBACK_ROUTE, runtime
from dashboard.serving.http_policy import is_stable_file
from dashboard.settings import Settings
from dashboard.store.db import ReleaseGone, StoreBroken, StoreMissing

log = logging.getLogger(__name__)

KEPT_HEADERS = ("Content-Type", "Content-Encoding", "Vary", "ETag")
LIFETIME_S = 24 * 3600  # releases change the key; this only bounds what Redis keeps
MAX_BODY_BYTES = 5 * 1024 * 1024
STATUS_HEADER = "X-SK-Cache"
WAIT_FOR_RENDER_S = 30.0  # then render anyway: a stuck render must not hold everyone
REDIS_TIMEOUT_S = 0.25  # a cache that answers slower than a render is no use
REDIS_PAUSE_S = 10.0  # after a failure, the in-memory cache for this long, then Redis again


def mark_uncacheable() -> None:
    """This response must not be kept (an error message, a store that cannot be read)."""
    if flask.has_request_context():
        flask.g.sk_uncacheable = True


def _redis_config(settings: Settings) -> dict[str, Any]:
    return {
        "CACHE_TYPE": "RedisCache",
        "CACHE_REDIS_URL": settings.cache_redis_url,
        "CACHE_KEY_PREFIX": "sociaal-kompas:",
        "CACHE_DEFAULT_TIMEOUT": LIFETIME_S,
        "CACHE_OPTIONS": {
            "socket_timeout": REDIS_TIMEOUT_S,
            "socket_connect_timeout": REDIS_TIMEOUT_S,
        },
    }


def _local_config(settings: Settings) -> dict[str, Any]:
    return {
        "CACHE_TYPE": "SimpleCache",
        "CACHE_THRESHOLD": settings.cache_entries,
        "CACHE_DEFAULT_TIMEOUT": LIFETIME_S,
    }


def _scope(request: flask.Request) -> str | None:
    """What the response depends on besides the request: a release id, 'file', or not cached."""
    if is_stable_file(request):
        return "file"
    if request.method != "POST" or not request.path.endswith(CALLBACK_ROUTE):
        return None
    if (request.content_length or 0) > MAX_BODY_BYTES:
        return None
    try:
        store = runtime.current().store
        release = store.release(runtime.current_release_id())
    except (StoreMissing, StoreBroken, ReleaseGone):
        return None
    # the one release this request renders, and its build's own id: a shared Redis never gives
    # one store's view to another that happens to have a release of the same name
    return f"{release.release_id}/{release.build_id}"


def cache_key(request: flask.Request, scope: str) -> str:
    """One key per release (or 'file'), request and accepted encodings.

    Scheme and host are part of it: the share dialog and downloads carry absolute links.
    """
    digest = hashlib.sha256()
    # Callbacks: the path only. Dash adds a per-page-load `endId` to the query string, which
    # says nothing about the view (that is in the body).
    address = request.path if request.method == "POST" else request.full_path
    for part in (scope, request.method, request.scheme, request.host, address):
        digest.update(part.encode("utf-8", "replace") + b"\0")
    digest.update(request.headers.get("Accept-Encoding", "").encode("latin-1", "replace") + b"\0")
    digest.update(request.get_data(cache=True))
    return digest.hexdigest()


class ResponseCache:
    """Looks a response up before Dash runs and keeps it after compression.

    Requests for a view that is being rendered right now wait for that render instead of
    starting their own (per process): fifty people opening a fresh link cost one render each
    worker, not fifty.
    """

    def __init__(self, app: dash.Dash, settings: Settings) -> None:
        self._local = Cache(app.server, config=_local_config(settings))
        self._shared = (
            Cache(app.server, config=_redis_config(settings)) if settings.cache_redis_url else None
        )
        self._paused_until = 0.0
        self._problem: str | None = None
        self._rendering: dict[str, threading.Event] = {}
        self._rendering_lock = threading.Lock()

    def status(self) -> dict[str, str]:
        """For /health: which cache answers, and why the shared one does not."""
        if self._shared is None:
            return {"cache": "local"}
        if time.monotonic() < self._paused_until:
            return {"cache": "degraded", "cache_problem": self._problem or ""}
        return {"cache": "redis"}

    def _safely(self, action: str, *args: Any) -> Any:
        shared = self._shared is not None and time.monotonic() >= self._paused_until
        backend = self._shared if shared else self._local
        try:
            return getattr(backend, action)(*args)
        except Exception as error:  # noqa: BLE001 - a broken cache must not break the page
            log.warning("response cache %s failed: %s", action, error)
            if not shared:
                return None
            self._paused_until = time.monotonic() + REDIS_PAUSE_S
            self._problem = f"{type(error).__name__}: {error}"[:200]
            return self._safely(action, *args)  # the in-memory cache, this time

    def lookup(self) -> flask.Response | None:
        request = flask.request
        scope = _scope(request)
        if scope is None:
            return None
        key = cache_key(request, scope)
        kept = self._safely("get", key)
        if kept is None and self._wait_for_render(key):
            kept = self._safely("get", key)
        if kept is None:
            flask.g.sk_cache_key = key
            return None
        body, headers = kept
        response = flask.Response(body, status=200, headers=headers)
        response.headers[STATUS_HEADER] = "hit"
        if "ETag" in response.headers:
            response.make_conditional(request)  # a revalidation gets 304, not the body again
        return response

    def _wait_for_render(self, key: str) -> bool:
        """True after waiting for another request's render of `key`; False: render it here."""
        with self._rendering_lock:
            running = self._rendering.get(key)
            if running is None:
                self._rendering[key] = threading.Event()
                flask.g.sk_renders_key = key
                return False
        return running.wait(timeout=WAIT_FOR_RENDER_S)

    def release(self, _error: BaseException | None = None) -> None:
        """Wake the requests waiting for this render (also when it failed)."""
        key = flask.g.pop("sk_renders_key", None)
        if key is not None:
            with self._rendering_lock:
                event = self._rendering.pop(key, None)
            if event is not None:
                event.set()

    def keep(self, response: flask.Response) -> flask.Response:
        key = flask.g.pop("sk_cache_key", None)
        if key is None:
            return response
        response.headers[STATUS_HEADER] = "miss"
        if response.status_code != 200 or flask.g.get("sk_uncacheable"):
            return response
        if response.is_streamed and not is_stable_file(flask.request):
            return response
        # A file is sent as a stream; reading it here keeps its compressed bytes for the next
        # visitor instead of compressing the same file again for everyone.
        response.direct_passthrough = False  # a file Flask would hand to the server as is
        body = response.get_data()
        if len(body) <= MAX_BODY_BYTES:
            headers = [(n, response.headers[n]) for n in KEPT_HEADERS if n in response.headers]
            self._safely("set", key, (body, headers))
        return response


def install_response_cache(app: dash.Dash, settings: Settings) -> None:
    """Register the cache; call before compression is registered, so it keeps compressed bodies
    (Flask runs after-request functions in reverse order of registration)."""
    cache = ResponseCache(app, settings)
    app.server.extensions["sk_response_cache"] = cache
    app.server.before_request(cache.lookup)
    app.server.after_request(cache.keep)
    app.server.teardown_request(cache.release)


def clear(server: flask.Flask) -> None:
    """Forget every kept response of this app (the benchmark's cold and warm visits)."""
    for backend in server.extensions.get("cache", {}).values():
        backend.clear()
