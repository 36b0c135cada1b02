"""The OpenAPI 3 document, built from contract.py (served as /api/v1/openapi.json)."""

from __future__ import annotations

from typing import Any

from dashboard.api.contract import API_PREFIX, DOWNLOADS, ENDPOINTS, RELEASE_ID, parameters

PROBLEM = {
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "parameter": {"type": "string", "description": "The query parameter at fault."},
    },
}


PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


def _problem(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/problem+json": {"schema": PROBLEM_REF}},
    }


def _envelope(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["release", "is_current", "total", "offset", "limit", "next", "data"],
        "properties": {
            "release": {"type": "string", "description": "The release these rows come from."},
            "is_current": {"type": "boolean"},
            "total": {"type": "integer", "description": "Rows in all pages."},
            "offset": {"type": "integer"},
            "limit": {"type": "integer"},
            "next": {"type": "string", "nullable": True, "description": "The next page."},
            "data": {"type": "array", "items": row},
        },
    }


def _operation(name: str) -> dict[str, Any]:
    summary, _, fields = ENDPOINTS[name]
    row = {
        "type": "object",
        "required": list(fields),
        "properties": fields,
        "additionalProperties": False,
    }
    return {
        "get": {
            "operationId": name,
            "summary": summary,
            "parameters": parameters(name),
            "responses": {
                "200": {
                    "description": "The rows (JSON envelope, or CSV with a header row).",
                    "headers": {
                        "ETag": {"schema": {"type": "string"}},
                        "X-SK-Release": {"schema": {"type": "string"}},
                    },
                    "content": {
                        "application/json": {"schema": _envelope(row)},
                        "text/csv": {"schema": {"type": "string"}},
                    },
                },
                "304": {"description": "Not modified (If-None-Match matched the ETag)."},
                "400": _problem(
                    "A parameter is unknown, repeated, of the wrong type or unknown value."
                ),
                "404": _problem("The release named by ?versie= is not kept (any more)."),
                "414": {
                    "description": (
                        "The link is longer than 4,096 characters (a problem document); a "
                        "request line over 8 KB is refused by gunicorn itself, in HTML."
                    ),
                    "content": {
                        "application/problem+json": {"schema": PROBLEM_REF},
                        "text/html": {"schema": {"type": "string"}},
                    },
                },
                "503": _problem("No release is published, or the current one cannot be read."),
            },
        }
    }


def _download(name: str) -> dict[str, Any]:
    media_type, summary = DOWNLOADS[name]
    return {
        "get": {
            "operationId": "download_" + name.replace(".", "_"),
            "summary": summary,
            "parameters": [
                {"name": "versie", "in": "path", "required": True, "schema": RELEASE_ID}
            ],
            "responses": {
                "200": {
                    "description": summary,
                    "content": {media_type: {"schema": {"type": "string", "format": "binary"}}},
                },
                "304": {"description": "Not modified."},
                "404": _problem("No such release is kept."),
                "503": _problem("The release cannot be read."),
            },
        }
    }


def document() -> dict[str, Any]:
    """The whole OpenAPI 3.0 document."""
    paths = {f"{API_PREFIX}/{name}": _operation(name) for name in ENDPOINTS}
    paths |= {f"{API_PREFIX}/releases/{{versie}}/{name}": _download(name) for name in DOWNLOADS}
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Sociaal Kompas open data API",
            "version": "1",
            "description": (
                "Read-only access to the numbers the dashboard shows, per published release. "
                "Every observation row names its value (empty where hidden or not published), "
                "sign ('x' hidden to protect small counts, '.' not published), status, sources "
                "and release. Pin a release with ?versie= to get answers that never change. "
                "Data: CBS and RIVM under CC BY 4.0, documents and imports as /sources says."
            ),
            "license": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
        },
        "paths": paths,
        "components": {"schemas": {"Problem": PROBLEM}},
    }
