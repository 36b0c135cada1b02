"""Small extracts of open-licensed real data that ship in data/extracts, rebuilt from the files.

`python -m data_pipeline extracts --from ../shared/data/real` rebuilds them from the public files
described in each folder's PROVENANCE.md, for every municipality, province, youth-care region
and the Netherlands where the publisher has a value. Only the rows and columns the store uses
are kept; the observation files share one shape (`region_code, year, table_id`, then a column
per `indicator` or `indicator:category`), and `tables.csv` describes every table they cite.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from data_pipeline.extracts import health_and_maps, regions, youth_care

DUMPS_RETRIEVED = "2025-04-23"  # commit date of the public repository the dumps come from
DUMPS_URL = "https://github.com/dertje/cbs_datasets (commit 388b47d)"
STATLINE = "https://opendata.cbs.nl/ODataApi/odata/"
TABLE_COLUMNS = ["table_id", "publisher", "title", "series", "retrieved_at", "url", "note"]
YOUTH_CARE_BREAK = (
    "Het CBS meldt een breuk in de reeks tussen 2020 en 2021: 84134NED loopt tot en met 2020, "
    "85099NED begint in 2021; vergelijk jaren over die grens niet als één reeks."
)
IN_NATURA = "Vanaf 2017 telt het CBS per wijk alleen jeugdzorg in natura (zonder pgb)."


def _cbs(table_id: str, title: str, series: str, note: str = "") -> dict[str, str]:
    return {
        "table_id": table_id,
        "publisher": "CBS",
        "title": title,
        "series": series,
        "retrieved_at": DUMPS_RETRIEVED,
        "url": STATLINE + table_id,
        "note": note,
    }


def table_records() -> pd.DataFrame:
    """Every table the extracts cite: title, series (a change of series is a break), dates."""
    records = [
        _cbs("84134NED", "Kerncijfers over jeugdzorg, 2015-2020", "cbs-jeugdzorg-2015"),
        _cbs(
            "85099NED",
            "Jeugdzorg; jongeren, vorm, regio (gemeente-indeling)",
            "cbs-jeugdzorg-2021",
            YOUTH_CARE_BREAK,
        ),
        _cbs("83454NED", "Gemeentelijke kosten; jeugdzorg, regio", "cbs-kosten-jeugdzorg"),
    ]
    for year, table_id in youth_care.REFERRER_TABLES.items():
        natura = year >= 2017
        title = f"Jeugdzorg{' in natura' if natura else ''}; wijken, {year}"
        series = "cbs-trajecten-in-natura" if natura else "cbs-trajecten-jeugdzorg"
        records.append(_cbs(table_id, title, series, IN_NATURA if natura else ""))
    for year, table_id in regions.GEBIEDEN_TABLES.items():
        records.append(_cbs(table_id, f"Gebieden in Nederland {year}", "cbs-gebieden"))
    records.append(
        {
            "table_id": "50090NED",
            "publisher": "RIVM/CBS",
            "title": "Gezondheid per wijk en buurt; 2012/2016/2020 (indeling 2020), 18+",
            "series": "rivm-gezondheidsmonitor",
            "retrieved_at": "2022-06-17",
            "url": "https://dataderden.cbs.nl/ODataApi/odata/50090NED",
            "note": "Gezondheidsmonitor Volwassenen en Ouderen (GGD'en, CBS, RIVM): steekproef.",
        }
    )
    return pd.DataFrame(records, columns=TABLE_COLUMNS)


def _observation_files(real_dir: Path) -> dict[str, pd.DataFrame]:
    dumps = real_dir / "cbs-statline-dumps"
    by_year, names = regions.regions_by_year(real_dir / "cbs-gebieden-in-nederland")
    resolver = youth_care.RegionNames.from_regions(by_year, names)
    long = {
        "cbs_youth_care.csv": youth_care.youth_care(dumps, resolver),
        "cbs_youth_care_costs.csv": youth_care.youth_care_costs(dumps, resolver),
        "cbs_referrers.csv": youth_care.referrers(dumps),
    }
    truncated = youth_care.truncated_tables(
        dumps,
        [
            *youth_care.YOUTH_CARE_TABLES,
            youth_care.COST_TABLE,
            *youth_care.REFERRER_TABLES.values(),
        ],
    )
    gaps = youth_care.gaps(pd.concat(long.values()), by_year, truncated)
    lifespans = regions.lifespans(
        real_dir / "cbs-gemeenten-70739ned" / "70739ned.csv", set(by_year["municipality_code"])
    )
    return {
        **{name: youth_care.wide(frame) for name, frame in long.items()},
        "rivm_volunteering.csv": health_and_maps.volunteering(
            real_dir / "rivm-gezondheid-wijkbuurt"
        ),
        "cbs_municipalities.csv": by_year,
        "cbs_region_names.csv": names,
        "cbs_municipality_lifespans.csv": lifespans,
        "extract_gaps.csv": gaps,
        "tables.csv": table_records(),
    }


def rebuild(real_dir: Path, out_dir: Path) -> list[Path]:
    """Write every extract from the public files in `real_dir`; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, frame in _observation_files(real_dir).items():
        path = out_dir / name
        frame.to_csv(path, index=False, lineterminator="\n", float_format="%.10g")
        paths.append(path)
    outlines = health_and_maps.boundaries(real_dir / "pdok-gemeenten-2022" / "gemeenten.geojson")
    geojson = out_dir / "gemeenten_2022.geojson"
    geojson.write_text(json.dumps(outlines, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return [*paths, geojson]
