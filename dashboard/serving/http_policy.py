"""What every response carries: compression, cache lifetimes and security headers.

- Compression (Flask-Compress): gzip for browsers on plain http, brotli where they accept it.
- Fingerprinted files (Dash's component suites, assets with `?m=`) change URL when they change,
  so browsers may keep them a year; everything else is revalidated.
- Security headers: a Content-Security-Policy the app satisfies (Dash's few inline scripts are
  allowed by their hashes, not by 'unsafe-inline'), no sniffing, no framing by other sites
  (except the embeds, /embed/..., by SK_EMBED_ORIGINS), no referrer to other sites. (The
  server banners carry no version: gunicorn says "gunicorn", and `python -m dashboard` names
  only the product.)
"""

from __future__ import annotations

import re
from typing import Any

import dash
import flask
from flask_compress import Compress

from dashboard.serving.frontend import PLOTLY_URL

YEAR = 365 * 24 * 3600
COMPRESSED_TYPES = [
    "text/html",
    "text/css",
    "text/plain",
    "text/javascript",
    "application/javascript",
    "application/json",
    "text/csv",
    "application/geo+json",  # the municipal outlines for the maps compress to a third
    "image/svg+xml",
]
FINGERPRINTED_PREFIX = "/_dash-component-suites/"
# Files whose URL carries a version parameter that changes when the file does.
VERSIONED = (("/assets/", "m"), ("/kaart/", "v"))


# Files that change only with a new version of the app (kept server-side like fingerprinted ones).
STABLE_FILES = (PLOTLY_URL,)


def is_stable_file(request: flask.Request) -> bool:
    """A GET whose answer changes only with the app: fingerprinted files and STABLE_FILES."""
    return request.method == "GET" and (request.path in STABLE_FILES or is_fingerprinted(request))


def is_fingerprinted(request: flask.Request) -> bool:
    """A GET of a file whose URL changes when its content does (safe to keep for a year)."""
    if request.method != "GET":
        return False
    if request.path.startswith(FINGERPRINTED_PREFIX):
        # Dash's versioned bundles; its lazily loaded chunks (async-*.js) carry no version.
        return "/async-" not in request.path
    return any(request.path.startswith(p) and key in request.args for p, key in VERSIONED)


EMBED_PREFIX = "/embed/"
ORIGIN = re.compile(r"\*|'self'|https?://(\*\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?")


def frame_ancestors(setting: str) -> list[str]:
    """Who may frame the embeds, from SK_EMBED_ORIGINS; a value that is no origin stops start-up
    (a typo must not silently open or close every council's embed)."""
    origins = setting.split() or ["*"]
    wrong = [origin for origin in origins if not ORIGIN.fullmatch(origin)]
    if wrong:
        raise ValueError(
            f"SK_EMBED_ORIGINS: '{wrong[0]}' is geen herkomst zoals https://voorbeeld.nl"
        )
    return origins


def content_security_policy(script_hashes: list[str], framed_by: list[str] | None = None) -> str:
    """The policy: only this site's own files; inline scripts only by hash; framed only by
    this site, or for an embed by `framed_by`."""
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
        "frame-ancestors": framed_by or ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


class _Policy:
    """The headers, with the CSP recomputed only when Dash registered another inline script."""

    def __init__(self, app: dash.Dash, embed_origins: list[str]) -> None:
        self._app = app
        self._embed_origins = embed_origins
        self._hashes: list[str] = []
        self._csp = self._embed_csp = ""

    def csp(self, *, embed: bool) -> str:
        hashes = list(self._app.csp_hashes())
        if hashes != self._hashes or not self._csp:
            self._hashes, self._csp = hashes, content_security_policy(hashes)
            self._embed_csp = content_security_policy(hashes, self._embed_origins)
        return self._embed_csp if embed else self._csp

    def apply(self, response: flask.Response) -> flask.Response:
        headers = response.headers
        embed = flask.request.path.startswith(EMBED_PREFIX)
        headers["Content-Security-Policy"] = self.csp(embed=embed)
        headers["X-Content-Type-Options"] = "nosniff"
        if not embed:
            headers["X-Frame-Options"] = "SAMEORIGIN"  # for browsers without frame-ancestors
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        _cache_lifetime(flask.request, response)
        return response


def _cache_lifetime(request: flask.Request, response: flask.Response) -> None:
    if response.status_code == 200 and is_fingerprinted(request):
        response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"


def install_http_policy(
    app: dash.Dash, *, embed_origins: str = "*", register_compression: bool = True
) -> None:
    """Register the headers and compression on the app's Flask server."""
    server: Any = app.server
    server.config.update(
        COMPRESS_ALGORITHM=["br", "gzip"],
        COMPRESS_LEVEL=6,
        COMPRESS_BR_LEVEL=5,
        COMPRESS_MIN_SIZE=1024,
        COMPRESS_MIMETYPES=COMPRESSED_TYPES,
    )
    policy = _Policy(app, frame_ancestors(embed_origins))
    server.after_request(policy.apply)
    if register_compression:
        Compress(server)
