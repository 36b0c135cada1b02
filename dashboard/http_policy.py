"""What every response carries: compression, cache lifetimes and security headers.

- Compression (Flask-Compress): gzip for browsers on plain http, brotli where they accept it.
- Fingerprinted files (Dash's component suites, assets with `?m=`) change URL when they change,
  so browsers may keep them a year; everything else is revalidated.
- Security headers: a Content-Security-Policy the app satisfies (Dash's few inline scripts are
  allowed by their hashes, not by 'unsafe-inline'), no sniffing, no framing by other sites, no
  referrer to other sites. (The server banners carry no version: gunicorn says "gunicorn",
  and `python -m dashboard` names only the product.)
"""

from __future__ import annotations

from typing import Any

import dash
import flask
from flask_compress import Compress

YEAR = 365 * 24 * 3600
FINGERPRINTED_PREFIX = "/_dash-component-suites/"


def content_security_policy(script_hashes: list[str]) -> str:
    """The policy: only this site's own files; inline scripts only by hash."""
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        # Plotly and Dash set style attributes on elements at run time.
        "style-src": ["'self'", "'unsafe-inline'"],
        # The QR code and Plotly's "download as image" are data: and blob: images.
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


class _Policy:
    """The headers, with the CSP recomputed only when Dash registered another inline script."""

    def __init__(self, app: dash.Dash) -> None:
        self._app = app
        self._hashes: list[str] = []
        self._csp = ""

    def csp(self) -> str:
        hashes = list(self._app.csp_hashes())
        if hashes != self._hashes or not self._csp:
            self._hashes, self._csp = hashes, content_security_policy(hashes)
        return self._csp

    def apply(self, response: flask.Response) -> flask.Response:
        headers = response.headers
        headers["Content-Security-Policy"] = self.csp()
        headers["X-Content-Type-Options"] = "nosniff"
        headers["X-Frame-Options"] = "SAMEORIGIN"  # for browsers without frame-ancestors
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        _cache_lifetime(flask.request, response)
        return response


def _cache_lifetime(request: flask.Request, response: flask.Response) -> None:
    if response.status_code != 200 or request.method != "GET":
        return
    fingerprinted = request.path.startswith(FINGERPRINTED_PREFIX) or (
        request.path.startswith("/assets/") and "m" in request.args
    )
    if fingerprinted:
        response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"


def install_http_policy(app: dash.Dash, *, register_compression: bool = True) -> None:
    """Register the headers and compression on the app's Flask server."""
    server: Any = app.server
    server.config.update(
        COMPRESS_ALGORITHM=["br", "gzip"],
        COMPRESS_LEVEL=6,
        COMPRESS_BR_LEVEL=5,
        COMPRESS_MIN_SIZE=1024,
    )
    policy = _Policy(app)
    server.after_request(policy.apply)
    if register_compression:
        Compress(server)
