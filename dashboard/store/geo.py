"""The municipal outlines for the maps, shipped in data/extracts and served by the app itself.

Read once, on first use (never at import); the URL carries a content hash so browsers may cache
the file for a year and still get a new one after an update.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache

from dashboard.settings import PROJECT_ROOT

OUTLINES = PROJECT_ROOT / "data" / "extracts" / "gemeenten_2022.geojson"
ROUTE = "/kaart/gemeenten-2022.geojson"
YEAR = 2022


@cache
def outline_bytes() -> bytes:
    """The GeoJSON file as served."""
    return OUTLINES.read_bytes()


@cache
def outline_url() -> str:
    """The served file's URL, versioned by its content."""
    return f"{ROUTE}?v={hashlib.sha256(outline_bytes()).hexdigest()[:12]}"


@cache
def outlined_codes() -> frozenset[str]:
    """Municipality codes that have an outline (the 2022 municipalities)."""
    features = json.loads(outline_bytes())["features"]
    return frozenset(feature["properties"]["statcode"] for feature in features)
