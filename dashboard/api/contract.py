"""The API's contract, declared once: every endpoint, its parameters and its rows.

`OPENAPI` is served as /api/v1/openapi.json and the parameter parser (params.py) reads the same
declarations, so what the document promises is what the server checks. Parameter names are the
ones the pages' links use (`gemeente`, `maat`, `versie`, ...); field names are the store's.
"""

from __future__ import annotations

from typing import Any

API_PREFIX = "/api/v1"
MAX_LIMIT = 10_000
DEFAULT_LIMIT = 1_000
RELEASE_ID = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\.[0-9]{1,4}$"}
TEXT = {"type": "string", "maxLength": 100}
NULLABLE_NUMBER = {"type": "number", "nullable": True}
NULLABLE_TEXT = {"type": "string", "nullable": True}


def _parameter(name: str, description: str, schema: dict, **extra: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "description": description, "schema": schema, **extra}


VERSIE = _parameter(
    "versie",
    "Release id (as in a page's link). Default: the current release; the answer names it.",
    {"type": "string", "maxLength": 64},
)
FORMAT = _parameter(
    "format",
    "json (default) or csv; an `Accept: text/csv` header does the same as format=csv.",
    {"type": "string", "enum": ["json", "csv"]},
)
PAGING = [
    _parameter(
        "limit",
        f"Rows per page (default {DEFAULT_LIMIT}).",
        {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
    ),
    _parameter(
        "offset",
        "Rows to skip (stable order).",
        {"type": "integer", "minimum": 0, "maximum": 10**7},
    ),
]
CODES = {"type": "array", "items": {"type": "string", "maxLength": 10}, "maxItems": 500}

# name -> (summary, extra parameters, row fields with their schema)
ENDPOINTS: dict[str, tuple[str, list[dict[str, Any]], dict[str, dict[str, Any]]]] = {
    "releases": (
        "Releases this server keeps (a pinned link can open each), newest first.",
        [],
        {
            "release": TEXT,
            "built_at": TEXT,
            "is_current": {"type": "boolean"},
            "cells_added": {"type": "integer"},
            "cells_revised": {"type": "integer"},
            "cells_removed": {"type": "integer"},
            "indicators": TEXT | {"maxLength": 2000},
        },
    ),
    "indicators": (
        "The indicator catalogue: one row per indicator and measure, with definitions and units.",
        [],
        {
            "indicator": TEXT,
            "indicator_label": TEXT,
            "definition": {"type": "string"},
            "measure": TEXT,
            "measure_label": TEXT,
            "unit": TEXT,
            "decimals": {"type": "integer"},
            "higher_is_better": {"type": "boolean", "nullable": True},
            "parts_add_up": {"type": "boolean"},
            "has_public_source": {"type": "boolean"},
        },
    ),
    "categories": (
        "The categories of every indicator, in order; `is_total` marks the total.",
        [_parameter("indicator", "Only this indicator.", TEXT)],
        {
            "indicator": TEXT,
            "category": TEXT,
            "category_label": TEXT,
            "is_total": {"type": "boolean"},
        },
    ),
    "sources": (
        "Every source a value can name: publisher, title, table or document, dates, licence.",
        [],
        {
            "source_id": TEXT,
            "kind": TEXT,
            "publisher": NULLABLE_TEXT,
            "title": NULLABLE_TEXT,
            "reference": NULLABLE_TEXT,
            "published_on": NULLABLE_TEXT,
            "retrieved_at": NULLABLE_TEXT,
            "licence": NULLABLE_TEXT,
            "url": NULLABLE_TEXT,
            "is_generated": {"type": "boolean"},
        },
    ),
    "regions": (
        "Municipalities, provinces and the Netherlands, with the years they have data for.",
        [],
        {
            "region": TEXT,
            "name": TEXT,
            "kind": TEXT,
            "province": NULLABLE_TEXT,
            "valid_from_year": {"type": "integer", "nullable": True},
            "valid_to_year": {"type": "integer", "nullable": True},
            "years_with_data": {"type": "string"},
        },
    ),
    "groups": (
        "CBS's groups of municipalities per year (province, youth-care region, size class, "
        "urbanisation, country), one row per member. `group` is what ?groep= takes.",
        [
            _parameter("jaar", "Only this year.", {"type": "integer", "minimum": 1900}),
            _parameter("groep", "Only this group (kind:code).", TEXT),
        ],
        {
            "year": {"type": "integer"},
            "group": TEXT,
            "group_kind": TEXT,
            "group_label": TEXT,
            "published_region": NULLABLE_TEXT,
            "municipality_code": TEXT,
            "municipality_name": TEXT,
        },
    ),
    "observations": (
        "Values of one indicator and measure, as the pages show them: every row with its "
        "value (empty where hidden or not published), sign, status, sources and release.",
        [
            _parameter("indicator", "Indicator (see /indicators).", TEXT, required=True),
            _parameter("maat", "Measure (see /indicators); default the first.", TEXT),
            _parameter(
                "gemeente",
                "Region code(s), repeated or comma-separated (GM0351, PV26, NL01).",
                CODES,
                style="form",
                explode=True,
            ),
            _parameter("groep", "The members of a group in each year (kind:code).", TEXT),
            _parameter("van", "First year.", {"type": "integer", "minimum": 1900}),
            _parameter("tot", "Last year.", {"type": "integer", "minimum": 1900}),
            _parameter("categorie", "Only this category (see /categories).", TEXT),
        ],
        {
            "release": TEXT,
            "indicator": TEXT,
            "measure": TEXT,
            "measure_label": TEXT,
            "municipality_code": TEXT,
            "municipality_name": TEXT,
            "year": {"type": "integer"},
            "category": TEXT,
            "category_label": TEXT,
            "value": NULLABLE_NUMBER,
            "value_low": NULLABLE_NUMBER,
            "value_high": NULLABLE_NUMBER,
            "sign": {"type": "string", "enum": ["", "x", "."]},
            "status": {
                "type": "string",
                "enum": ["generated", "documented", "official", "provisional", "imported"],
            },
            "status_label": TEXT,
            "source": {"type": "string"},
            "denominator_source": {"type": "string"},
            "is_series_break": {"type": "boolean"},
        },
    ),
}
DOWNLOADS = {
    "observations.parquet": ("application/vnd.apache.parquet", "Every value, one Parquet file."),
    "parquet.zip": ("application/zip", "Every public table as Parquet, with a README."),
    "csv.zip": ("application/zip", "Every public table as CSV, with a README."),
}


def parameters(endpoint: str) -> list[dict[str, Any]]:
    """The query parameters `endpoint` accepts (paging only where there are many rows)."""
    extra = ENDPOINTS[endpoint][1]
    paged = PAGING if endpoint in ("observations", "groups") else []
    return [*extra, VERSIE, FORMAT, *paged]
