"""HTTP as API clients expect it: JSON or CSV, pages, ETag and Cache-Control per release, CORS
for GET, and RFC 9457 problem details.

A pinned release never changes, so its answers may be kept for a year; an answer about "the
current release" is revalidated (its ETag names the release, so a 304 costs nothing).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from typing import Any
from urllib.parse import urlencode

import flask

from dashboard.api.contract import DEFAULT_LIMIT
from dashboard.api.params import ApiProblem
from dashboard.text.exports import safe_text

PINNED = "public, max-age=31536000, immutable"
REVALIDATE = "public, no-cache"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Link, X-Total-Count, X-SK-Release",
}


def wants_csv(params: dict[str, Any], request: flask.Request) -> bool:
    """format=csv, or an Accept header that prefers CSV to JSON."""
    if "format" in params:
        return bool(params["format"] == "csv")
    best = request.accept_mimetypes.best_match(["application/json", "text/csv"])
    return best == "text/csv"


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return safe_text(value)  # a supplier's name starting with '=' is text, not a formula


def to_csv(rows: list[dict[str, Any]], fields: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(fields)
    for row in rows:
        writer.writerow([_csv_cell(row.get(field)) for field in fields])
    return buffer.getvalue()


def with_common_headers(response: flask.Response, *, pinned: bool) -> flask.Response:
    response.headers.update(CORS_HEADERS)
    response.headers["Cache-Control"] = PINNED if pinned else REVALIDATE
    response.vary.add("Accept")
    return response


def _next_link(request: flask.Request, offset: int, limit: int, total: int) -> str | None:
    if offset + limit >= total:
        return None
    query = [(k, v) for k, values in request.args.lists() for v in values if k != "offset"]
    return request.path + "?" + urlencode([*query, ("offset", str(offset + limit))])


def data_answer(
    rows: list[dict[str, Any]],
    fields: list[str],
    *,
    release_id: str,
    is_current: bool,
    pinned: bool,
    params: dict[str, Any],
    etag_basis: str,
) -> flask.Response:
    """One page of rows as JSON (with release, total and next link) or CSV (headers say it)."""
    request = flask.request
    offset, limit = params.get("offset", 0), params.get("limit", DEFAULT_LIMIT)
    total, page = len(rows), rows[offset : offset + limit]
    next_link = _next_link(request, offset, limit, total)
    as_csv = wants_csv(params, request)
    if as_csv:
        body, mimetype = to_csv(page, fields), "text/csv"
    else:
        envelope = {
            "release": release_id,
            "is_current": is_current,
            "total": total,
            "offset": offset,
            "limit": limit,
            "next": next_link,
            "data": page,
        }
        body, mimetype = json.dumps(envelope, ensure_ascii=False), "application/json"
    response = flask.Response(body, mimetype=mimetype)
    response.headers["X-SK-Release"] = release_id
    response.headers["X-Total-Count"] = str(total)
    if next_link:
        response.headers["Link"] = f'<{next_link}>; rel="next"'
    tag = hashlib.sha256(f"{etag_basis}\0{request.full_path}\0{as_csv}".encode()).hexdigest()
    response.set_etag(tag[:32])
    with_common_headers(response, pinned=pinned)
    response.make_conditional(request)  # 304 when If-None-Match names this answer
    response.headers.pop("Date", None)  # the server sets it; werkzeug's copy would be a second
    return response


def problem_answer(problem: ApiProblem) -> flask.Response:
    response = flask.Response(
        json.dumps(problem.document(), ensure_ascii=False),
        status=problem.status,
        mimetype="application/problem+json",
    )
    response.headers.update(CORS_HEADERS)
    response.headers["Cache-Control"] = "no-store"
    return response


def preflight() -> flask.Response:
    """CORS preflight: any origin may GET (the data is public); nothing else."""
    response = flask.Response(status=204)
    response.headers.update(CORS_HEADERS)
    response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = "Accept, If-None-Match"
    response.headers["Access-Control-Max-Age"] = "86400"
    return response
