"""Municipalities per year from CBS "Gebieden in Nederland" (one table per year) and 70739ned.

Each yearly table lists the municipalities of 1 January with their population and the regions
CBS groups them in. Its columns are generic (`Code_N`/`Naam_N` pairs) and differ between years,
so they are found by the prefix of the codes they hold (PV province, CR COROP area, JZ youth-care
region); the two pairs before the last two columns are the size class and the urbanisation.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data_pipeline.extracts.dumps import read_dump

GEBIEDEN_TABLES = {
    2015: "82949NED",
    2016: "83287NED",
    2017: "83553NED",
    2018: "83859NED",
    2019: "84378NED",
    2020: "84721NED",
    2021: "84929NED",
    2022: "85067NED",
    2023: "85385NED",
    2024: "85755NED",
    2025: "86059NED",
}
GROUPINGS = {"PV": "province", "CR": "corop", "JZ": "youth_care_region"}
REGION_COLUMNS = (
    "year",
    "municipality_code",
    "name",
    "statline_title",
    "province_code",
    "corop_code",
    "youth_care_region_code",
    "size_class",
    "urbanisation",
    "population",
    "table_id",
)


def _pair_by_prefix(frame: pd.DataFrame, prefix: str) -> tuple[str, str]:
    """The (code, name) columns whose codes start with `prefix` (e.g. 'JZ')."""
    columns = list(frame.columns)
    for position, name in enumerate(columns[:-1]):
        values = frame[name].dropna()
        if name.startswith("Code_") and len(values) and values.str.match(f"{prefix}\\d").all():
            return name, columns[position + 1]
    raise KeyError(f"no column of {prefix} codes")


def yearly_table(path: Path, year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One year's municipalities (REGION_COLUMNS) and the names of the groups they are in."""
    frame = read_dump(path)
    columns = list(frame.columns)
    size_code, size_name, urban_code, urban_name = columns[-6:-2]
    municipality, _ = _pair_by_prefix(frame, "GM")
    rows = pd.DataFrame(
        {
            "year": year,
            "municipality_code": frame[municipality],
            "name": frame[columns[columns.index(municipality) + 1]],
            "statline_title": frame["RegioS"],
            "size_class": frame[size_code],
            "urbanisation": frame[urban_code],
            "population": pd.to_numeric(frame[columns[-2]]).astype("int64"),
            "table_id": path.stem,
        }
    )
    names = [
        pd.DataFrame({"kind": "size_class", "code": frame[size_code], "name": frame[size_name]}),
        pd.DataFrame(
            {"kind": "urbanisation", "code": frame[urban_code], "name": frame[urban_name]}
        ),
    ]
    for prefix, kind in GROUPINGS.items():
        code, name = _pair_by_prefix(frame, prefix)
        rows[f"{kind}_code"] = frame[code]
        names.append(pd.DataFrame({"kind": kind, "code": frame[code], "name": frame[name]}))
    found = pd.concat(names).drop_duplicates().assign(year=year)
    return rows[list(REGION_COLUMNS)], found


def regions_by_year(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every municipality of every year 2015-2025, and each group's latest name."""
    tables = [yearly_table(folder / f"{t}.csv", year) for year, t in GEBIEDEN_TABLES.items()]
    rows = pd.concat([t[0] for t in tables], ignore_index=True)
    names = pd.concat([t[1] for t in tables], ignore_index=True)
    latest = (
        names.sort_values("year")
        .drop_duplicates(["kind", "code"], keep="last")
        .rename(columns={"year": "last_year"})
    )
    first = names.groupby(["kind", "code"], as_index=False)["year"].min()
    latest = latest.merge(first.rename(columns={"year": "first_year"}), on=["kind", "code"])
    latest = latest[["kind", "code", "name", "first_year", "last_year"]]
    return (
        rows.sort_values(["municipality_code", "year"], ignore_index=True),
        latest.sort_values(["kind", "code"], ignore_index=True),
    )


def lifespans(path: Path, codes: set[str]) -> pd.DataFrame:
    """Begin and end date (ISO) of each municipality in `codes`, from CBS 70739ned."""
    frame = read_dump(path)
    code = frame["GebiedsOfGemeentecode_3"]
    rows = frame[code.isin(codes)]

    def iso(values: pd.Series) -> pd.Series:
        text = values.fillna("")
        return text.str.slice(0, 4) + "-" + text.str.slice(4, 6) + "-" + text.str.slice(6, 8)

    result = pd.DataFrame(
        {
            "municipality_code": rows["GebiedsOfGemeentecode_3"],
            "name": rows["RegioS"],
            "begin_date": iso(rows["BegindatumSorteerveld_6"]),
            "end_date": iso(rows["EinddatumSorteerveld_7"]).replace("--", ""),
        }
    )
    return result.sort_values("municipality_code", ignore_index=True)
