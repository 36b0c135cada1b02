"""Local registrations only the cooperative or municipality has: volunteers and spend vs budget.

Files are read by file_rows.py (as people make them) and checked row by row by
import_checks.py; every problem is reported at once with file, row and field, in Dutch, and
nothing is returned unless the whole file is valid.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from data_pipeline.errors import InputError
from data_pipeline.observations import ObservationBatch
from data_pipeline.sources.imports.checks import MAX_COUNT, Checker
from data_pipeline.sources.imports.file_rows import Row, read_rows

VOLUNTEER_FIELDS = {
    "jeugd": "youth",
    "wmo": "wmo",
    "participatie": "participation",
    "ontmoeting": "community",
    "totaal": "total",
}
KINDS = {"vrijwilliger": "volunteers_registered", "maatje": "buddies_registered"}
SPEND_CATEGORIES = {  # template category -> (domain of the indicator, our category)
    "jeugdhulp_zonder_verblijf": ("youth", "without_accommodation"),
    "jeugdhulp_met_verblijf": ("youth", "with_accommodation"),
    "jeugdbescherming_reclassering": ("youth", "protection_probation"),
    "wmo_begeleiding": ("wmo", "support"),
    "wmo_huishoudelijke_hulp": ("wmo", "household_help"),
    "wmo_hulpmiddelen_woonvoorzieningen": ("wmo", "aids_housing"),
}
VOLUNTEER_COLUMNS = ["gemeentecode", "jaar", "soort", "werkveld", "aantal"]
SPEND_COLUMNS = ["gemeentecode", "jaar", "categorie", "begroot_eur", "gerealiseerd_eur"]


def _source(kind: str, path: Path, supplier: str, imported_at: str, title: str) -> pd.DataFrame:
    stamp = re.sub(r"[^0-9T]", "", imported_at)[:15]
    return pd.DataFrame(
        [
            {
                "source_id": f"import:{kind}:{stamp}:{path.name}",
                "kind": "import",
                "publisher": supplier,
                "title": title,
                "reference": path.name,
                "published_on": "",
                "retrieved_at": imported_at,
                "licence": f"Aangeleverd door {supplier}",
                "url": "",
                "is_demo": False,
            }
        ]
    )


def _batch(
    records: list[dict], source: pd.DataFrame, gaps: pd.DataFrame | None = None
) -> ObservationBatch:
    frame = pd.DataFrame(
        records, columns=["indicator", "municipality_code", "year", "category", "value"]
    )
    observations = frame.assign(
        source_id=source["source_id"].item(), is_demo=False, is_provisional=False
    )
    if gaps is None:
        return ObservationBatch(observations, source)
    return ObservationBatch(observations, source, gaps)


def _volunteer_row(
    check: Checker, row: Row, known: set[str], years: tuple[int, int], seen: dict[tuple, int]
) -> dict | None:
    code, year = check.code(row, known), check.year(row, *years)
    kind = check.choice(row, "soort", KINDS)
    field = row.values.get("werkveld", "").strip().lower() or "totaal"
    if field not in VOLUNTEER_FIELDS:
        check.add(
            row.number,
            "werkveld",
            f"onbekende waarde '{field[:40]}' (toegestaan: {', '.join(VOLUNTEER_FIELDS)})",
        )
        return None
    if kind == "maatje" and field != "totaal":
        check.add(
            row.number, "werkveld", "maatjes tellen alleen als totaal (werkveld leeg of 'totaal')"
        )
        return None
    count = check.number(row, "aantal", maximum=MAX_COUNT)
    if count is not None and not float(count).is_integer():
        check.add(row.number, "aantal", f"geen geheel getal: '{row.values['aantal'][:40]}'")
        return None
    if code is None or year is None or kind is None or count is None:
        return None
    check.duplicate(row, (code, year, kind, field), seen, "gemeentecode, jaar, soort, werkveld")
    return {
        "indicator": KINDS[kind],
        "municipality_code": code,
        "year": year,
        "category": VOLUNTEER_FIELDS[field],
        "value": count,
        "row": row.number,
    }


def _volunteer_totals(records: list[dict], check: Checker) -> list[dict]:
    """Derive a missing total from the fields; fields may not exceed a given total."""
    frame = pd.DataFrame(records)
    out = list(records)
    volunteers = frame[frame["indicator"] == "volunteers_registered"]
    for (code, year), group in volunteers.groupby(["municipality_code", "year"]):
        parts = group[group["category"] != "total"]
        total = group[group["category"] == "total"]
        if total.empty and len(parts):
            out.append(
                {
                    "indicator": "volunteers_registered",
                    "municipality_code": code,
                    "year": int(year),
                    "category": "total",
                    "value": parts["value"].sum(),
                }
            )
        elif len(parts) and parts["value"].sum() > total["value"].iloc[0]:
            check.add(
                int(total["row"].iloc[0]),
                "aantal",
                f"de werkvelden tellen op tot {parts['value'].sum():.0f}, meer dan het totaal "
                f"{total['value'].iloc[0]:.0f}",
            )
    return out


def _read(path: Path, columns: list[str], check: Checker) -> Iterator[Row]:
    """The file's rows, streamed; a missing or unknown column stops before any row is read."""
    try:
        header, rows = read_rows(path)
    except OSError as problem:
        raise InputError.single(
            path, None, None, f"het bestand is niet te lezen: {problem.strerror}"
        ) from None
    if not check.columns(header, columns):
        raise InputError(check.report())
    return rows


def read_volunteers(
    path: Path,
    *,
    known_municipalities: set[str],
    first_year: int,
    last_year: int,
    supplier: str,
    imported_at: str,
) -> ObservationBatch:
    """Volunteers and buddies per municipality and year (see docs/import-templates.md)."""
    check = Checker(path)
    rows = _read(path, VOLUNTEER_COLUMNS, check)
    seen: dict[tuple, int] = {}
    records = [
        r
        for row in rows
        if (r := _volunteer_row(check, row, known_municipalities, (first_year, last_year), seen))
    ]
    if not records and not check.problems:
        check.add(None, None, "het bestand bevat geen gegevensregels")
    if not check.problems:
        records = _volunteer_totals(records, check)
    if check.problems:
        raise InputError(check.report())
    return _batch(
        records, _source("vrijwilligers", path, supplier, imported_at, "Vrijwilligersregistratie")
    )


def _spend_row(
    check: Checker, row: Row, known: set[str], years: tuple[int, int], seen: dict[tuple, int]
) -> list[dict]:
    code, year = check.code(row, known), check.year(row, *years)
    category = check.choice(row, "categorie", SPEND_CATEGORIES)
    budget = check.number(row, "begroot_eur", optional=True)
    realised = check.number(row, "gerealiseerd_eur", optional=True)
    if (
        budget is None
        and realised is None
        and not row.values.get("begroot_eur")
        and not row.values.get("gerealiseerd_eur")
    ):
        check.add(row.number, "begroot_eur, gerealiseerd_eur", "beide bedragen zijn leeg")
    if None in (code, year, category):
        return []
    check.duplicate(row, (code, year, category), seen, "gemeentecode, jaar, categorie")
    domain, ours = SPEND_CATEGORIES[category]  # type: ignore[index]
    return [
        {
            "indicator": f"{domain}_{kind}_eur",
            "municipality_code": code,
            "year": year,
            "category": ours,
            "value": value,
        }
        for kind, value in (("budget", budget), ("spend", realised))
        if value is not None
    ]


def read_spend(
    path: Path,
    *,
    known_municipalities: set[str],
    first_year: int,
    last_year: int,
    supplier: str,
    imported_at: str,
) -> ObservationBatch:
    """Budget and realised spend per municipality, year and category; totals are derived."""
    check = Checker(path)
    rows = _read(path, SPEND_COLUMNS, check)
    seen: dict[tuple, int] = {}
    records = [
        r
        for row in rows
        for r in _spend_row(check, row, known_municipalities, (first_year, last_year), seen)
    ]
    if not records and not check.problems:
        check.add(None, None, "het bestand bevat geen gegevensregels")
    if check.problems:
        raise InputError(check.report())
    source = _source(
        "uitgaven", path, supplier, imported_at, "Uitgaven en begroting (lokale administratie)"
    )
    totals, gaps = spend_totals(pd.DataFrame(records), str(source["source_id"].iloc[0]))
    return _batch(records + totals, source, gaps)


# Our categories of each spend domain: a total exists only when every one of them is there.
SPEND_PARTS = {
    domain: [ours for d, ours in SPEND_CATEGORIES.values() if d == domain]
    for domain in {d for d, _ in SPEND_CATEGORIES.values()}
}
PART_LABELS = {ours: template.replace("_", " ") for template, (_, ours) in SPEND_CATEGORIES.items()}


def spend_totals(frame: pd.DataFrame, source_id: str) -> tuple[list[dict], pd.DataFrame]:
    """Totals where every part of the definition is there; for the others, the missing parts
    (a partial sum is never passed off as the total)."""
    totals, gaps = [], []
    for (indicator, code, year), group in frame.groupby(["indicator", "municipality_code", "year"]):
        wanted = SPEND_PARTS[indicator.split("_")[0]]
        missing = [part for part in wanted if part not in set(group["category"])]
        if missing:
            detail = ", ".join(PART_LABELS[part] for part in missing)
            gaps.append((indicator, code, int(year), source_id, "incomplete", detail))
        else:
            totals.append(
                {
                    "indicator": indicator,
                    "municipality_code": code,
                    "year": int(year),
                    "category": "total",
                    "value": group["value"].sum(),
                }
            )
    columns = ["indicator", "municipality_code", "year", "source_id", "reason", "detail"]
    return totals, pd.DataFrame(gaps, columns=columns)


READERS = {"vrijwilligers": read_volunteers, "uitgaven": read_spend}
