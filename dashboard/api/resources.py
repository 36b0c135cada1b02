"""What each API endpoint answers: rows from the same queries the pages read.

Observations come from `queries.indicator_series`, the query behind every indicator page's
charts and downloads, so a hidden cell is hidden here too and a status is the page's status by
construction. Each function gets one release and the checked parameters and returns plain rows.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from dashboard.api.params import bad
from dashboard.store import queries
from dashboard.store.db import Release
from dashboard.text.source_lines import row_source_labels

FIRST_YEAR, LAST_YEAR = 1900, 2100


def _plain(value: object) -> object:
    """JSON-ready: NaN and NA become None, numpy numbers Python numbers."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):
        return value.item()  # type: ignore[attr-defined]
    return value


def _records(frame: pd.DataFrame, columns: dict[str, str]) -> list[dict[str, Any]]:
    renamed = frame[list(columns)].rename(columns=columns)
    return [
        {key: _plain(value) for key, value in row.items()} for row in renamed.to_dict("records")
    ]


def releases(release: Release, kept: list[str], current_id: str) -> list[dict[str, Any]]:
    """The releases a visitor can still open, newest first, with what each changed."""
    history = queries.release_history(release)
    history = history[history["release_id"].isin(kept)].assign(
        is_current=lambda f: f["release_id"] == current_id,
        indicators=lambda f: f["indicators"].map(
            lambda v: ", ".join(v) if isinstance(v, list | tuple) else (v or "")
        ),
    )
    columns = ["release_id", "built_at", "is_current", "cells_added", "cells_revised"]
    columns += ["cells_removed", "indicators"]
    rows = _records(history, {c: ("release" if c == "release_id" else c) for c in columns})
    for row in rows:
        row["built_at"] = str(row["built_at"] or "")
        for key in ("cells_added", "cells_revised", "cells_removed"):
            row[key] = int(row[key] or 0)
    return rows


def indicators(release: Release, _params: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per indicator and measure."""
    return _records(
        queries.measure_catalogue(release),
        {
            "indicator": "indicator",
            "indicator_label": "indicator_label",
            "definition_nl": "definition",
            "url_key": "measure",
            "label_nl": "measure_label",
            "unit_nl": "unit",
            "decimals": "decimals",
            "higher_is_better": "higher_is_better",
            "parts_add_up": "parts_add_up",
            "has_public_source": "has_public_source",
        },
    )


def _catalogue_row(release: Release, indicator: str, measure_key: str | None) -> pd.Series:
    catalogue = queries.measure_catalogue(release)
    measures = catalogue[catalogue["indicator"] == indicator]
    if measures.empty:
        raise bad("indicator", f"'{indicator}' staat niet in de catalogus (zie /indicators).")
    if measure_key is None:
        return measures.iloc[0]
    found = measures[measures["url_key"] == measure_key]
    if found.empty:
        allowed = ", ".join(measures["url_key"])
        raise bad("maat", f"'{measure_key}' is geen maat van {indicator} (wel: {allowed}).")
    return found.iloc[0]


def categories(release: Release, params: dict[str, Any]) -> list[dict[str, Any]]:
    frame = queries.all_categories(release)
    if "indicator" in params:
        _catalogue_row(release, params["indicator"], None)
        frame = queries.categories(release, params["indicator"])
    columns = {"indicator": "indicator", "category": "category", "label_nl": "category_label"}
    return _records(frame, {**columns, "is_total": "is_total"})


def sources(release: Release, _params: dict[str, Any]) -> list[dict[str, Any]]:
    columns = ["source_id", "kind", "publisher", "title", "reference", "published_on"]
    columns += ["retrieved_at", "licence", "url"]
    rows = _records(queries.sources(release), {c: c for c in [*columns, "is_demo"]})
    for row in rows:
        row["is_generated"] = bool(row.pop("is_demo"))
        for key in columns[2:]:
            row[key] = None if row[key] is None else str(row[key])
    return rows


def regions(release: Release, _params: dict[str, Any]) -> list[dict[str, Any]]:
    frame = queries.regions_with_data(release)
    years = queries.region_years(release)
    frame = frame.assign(
        years_with_data=[
            " ".join(map(str, years.get(code, []))) for code in frame["municipality_code"]
        ]
    )
    return _records(
        frame,
        {
            "municipality_code": "region",
            "municipality_name": "name",
            "region_kind": "kind",
            "province_code": "province",
            "valid_from_year": "valid_from_year",
            "valid_to_year": "valid_to_year",
            "years_with_data": "years_with_data",
        },
    )


def _memberships(release: Release) -> pd.DataFrame:
    frame = queries.group_memberships(release)
    return frame.assign(group=frame["group_kind"] + ":" + frame["group_code"].astype(str))


def groups(release: Release, params: dict[str, Any]) -> list[dict[str, Any]]:
    frame = _memberships(release)
    if "groep" in params:
        frame = frame[frame["group"] == params["groep"]]
        if frame.empty:
            raise bad("groep", f"'{params['groep']}' is geen groep (zie /groups).")
    if "jaar" in params:
        frame = frame[frame["year"] == params["jaar"]]
    columns = ["year", "group", "group_kind", "group_label", "group_region_code"]
    columns += ["municipality_code", "municipality_name"]
    mapping = {c: ("published_region" if c == "group_region_code" else c) for c in columns}
    return _records(frame, mapping)


def _codes(release: Release, params: dict[str, Any]) -> tuple[list[str], pd.DataFrame | None]:
    """The region codes asked for, checked; with a group, its membership per year."""
    known = queries.regions_with_data(release)["municipality_code"].tolist()
    codes = params.get("gemeente") or []
    unknown = [code for code in codes if code not in set(known)]
    if unknown:
        raise bad("gemeente", f"'{unknown[0]}' is geen regio met gegevens (zie /regions).")
    members = None
    if "groep" in params:
        memberships = _memberships(release)
        members = memberships[memberships["group"] == params["groep"]]
        if members.empty:
            raise bad("groep", f"'{params['groep']}' is geen groep (zie /groups).")
        codes = [*codes, *sorted(set(members["municipality_code"]))]
    return (codes or known), members


def observations(release: Release, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of one measure, ordered by region, year and category (the pages' order)."""
    measure = _catalogue_row(release, params["indicator"], params.get("maat"))
    codes, members = _codes(release, params)
    years = (params.get("van", FIRST_YEAR), params.get("tot", LAST_YEAR))
    frame = queries.indicator_series(
        release, measure["indicator"], measure["measure"], codes, years
    )
    if members is not None:
        wanted = set(zip(members["municipality_code"], members["year"], strict=True))
        explicit = set(params.get("gemeente") or [])
        keep = [
            code in explicit or (code, year) in wanted
            for code, year in zip(frame["municipality_code"], frame["year"], strict=True)
        ]
        frame = frame[keep]
    if "categorie" in params:
        known = set(queries.categories(release, measure["indicator"])["category"])
        if params["categorie"] not in known:
            raise bad("categorie", f"'{params['categorie']}' is geen categorie (zie /categories).")
        frame = frame[frame["category"] == params["categorie"]]
    return observation_rows(release, frame, measure)


def observation_rows(
    release: Release, frame: pd.DataFrame, measure: pd.Series
) -> list[dict[str, Any]]:
    """The API's rows for a frame of the indicator_series query."""
    status_labels = queries.vocabulary(release).get("status", {})
    frame = frame.assign(
        release=release.release_id,
        measure_key=measure["url_key"],
        measure_label=measure["label_nl"],
        sign=frame["cell_symbol"].fillna(""),
        status_label=[status_labels.get(s, s) for s in frame["status"]],
        source=row_source_labels(frame),
        denominator_source=row_source_labels(frame, "denominator"),
    )
    columns = ["release", "indicator", "measure_key", "measure_label", "municipality_code"]
    columns += ["municipality_name", "year", "category", "category_label", "value"]
    columns += ["value_low", "value_high", "sign", "status", "status_label", "source"]
    columns += ["denominator_source", "is_series_break"]
    return _records(frame, {c: ("measure" if c == "measure_key" else c) for c in columns})
