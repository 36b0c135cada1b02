"""Loader: the regions the store knows, from the shipped CBS extracts and data/reference.

- `data/extracts/cbs_municipalities.csv`: every municipality of every year 2015-2025 (CBS
  "Gebieden in Nederland"), with its province, COROP area, youth-care region, size class,
  urbanisation and population on 1 January;
- `data/extracts/cbs_region_names.csv`: the names of those groups;
- `data/reference/municipality_successors.csv`: which municipality took over one that ended
  (hand-kept from CBS's municipal changes; tests check it against the populations);
- `data/reference/municipalities.csv` (optional): extra regions, e.g. a test's small list.
A data dir without extracts (a test's) gets empty tables of the same shape.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data_pipeline.sources.reference import read_reference

MUNICIPALITY_COLUMNS = [
    "municipality_code",
    "name",
    "province_code",
    "region_kind",
    "approx_inhabitants",
    "valid_from",
    "valid_to",
]
YEAR_COLUMNS = {
    "year": "int64",
    "municipality_code": "string",
    "province_code": "string",
    "corop_code": "string",
    "youth_care_region_code": "string",
    "size_class": "string",
    "urbanisation": "string",
    "population": "int64",
    "table_id": "string",  # the CBS "Gebieden in Nederland" table of that year
}
GROUP_COLUMNS = {"kind": "string", "code": "string", "name": "string"}
SUCCESSOR_COLUMNS = {
    "municipality_code": "string",
    "successor_code": "string",
    "first_year_in_successor": "int64",
    "note_nl": "string",
}
KIND_NAMES = {"province": "{name} (provincie)", "youth_care_region": "Jeugdregio {name}"}


def _read(path: Path, columns: dict[str, str]) -> pd.DataFrame:
    if not path.exists():
        return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in columns.items()})
    frame = pd.read_csv(path, dtype="string", keep_default_na=False)
    frame = frame[list(columns)].replace("", pd.NA)
    return frame.astype(columns)


def municipality_years(data_dir: Path) -> pd.DataFrame:
    """Per year, each municipality with the groups CBS puts it in and its population."""
    return _read(data_dir / "extracts" / "cbs_municipalities.csv", YEAR_COLUMNS)


def region_groups(data_dir: Path) -> pd.DataFrame:
    """Names of provinces, COROP areas, youth-care regions, size classes and urbanisation."""
    return _read(data_dir / "extracts" / "cbs_region_names.csv", GROUP_COLUMNS)


def successors(data_dir: Path) -> pd.DataFrame:
    """Which municipality (or municipalities) took over one that ended."""
    return _read(data_dir / "reference" / "municipality_successors.csv", SUCCESSOR_COLUMNS)


def _from_extracts(data_dir: Path) -> pd.DataFrame:
    """One row per municipality (latest name and province), province and youth-care region."""
    years = pd.read_csv(data_dir / "extracts" / "cbs_municipalities.csv", dtype="string")
    years["year"] = years["year"].astype(int)
    last_year = years["year"].max()
    latest = years.sort_values("year").groupby("municipality_code", as_index=False).last()
    first = years.groupby("municipality_code")["year"].min()
    municipalities = pd.DataFrame(
        {
            "municipality_code": latest["municipality_code"],
            "name": latest["name"],
            "province_code": latest["province_code"],
            "region_kind": "municipality",
            "approx_inhabitants": latest["population"].astype(float),
            "valid_from": latest["municipality_code"].map(first).astype("Int64"),
            "valid_to": latest["year"].where(latest["year"] < last_year).astype("Int64"),
        }
    )
    groups = region_groups(data_dir)
    grouped = groups[groups["kind"].isin(list(KIND_NAMES))]
    regions = pd.DataFrame(
        {
            "municipality_code": grouped["code"],
            "name": [
                KIND_NAMES[k].format(name=n)
                for k, n in zip(grouped["kind"], grouped["name"], strict=True)
            ],
            "province_code": pd.NA,
            "region_kind": grouped["kind"],
            "approx_inhabitants": float("nan"),
        }
    )
    country = pd.DataFrame(
        [{"municipality_code": "NL01", "name": "Nederland", "region_kind": "country"}]
    )
    return pd.concat([country, regions, municipalities], ignore_index=True)


def read_municipalities(data_dir: Path) -> pd.DataFrame:
    """Regions the store knows: the country, provinces, youth-care regions, municipalities.

    From the extracts when they are there; a reference list (data/reference/municipalities.csv)
    adds regions the extracts do not have (or, in a test's data dir, is the whole list).
    """
    parts = []
    if (data_dir / "extracts" / "cbs_municipalities.csv").exists():
        parts.append(_from_extracts(data_dir))
    if (data_dir / "reference" / "municipalities.csv").exists():
        listed = read_reference(data_dir, "municipalities")
        known = set(parts[0]["municipality_code"]) if parts else set()
        parts.append(listed[~listed["municipality_code"].isin(known)])
    frame = pd.concat(parts, ignore_index=True)
    for column in ("valid_from", "valid_to"):
        values = frame[column] if column in frame else pd.Series(pd.NA, index=frame.index)
        frame[column] = pd.to_numeric(values.replace("", None)).astype("Int64")
    frame["province_code"] = frame["province_code"].fillna("").astype("string")
    return frame[MUNICIPALITY_COLUMNS]


def region_tables(data_dir: Path) -> dict[str, pd.DataFrame]:
    """The raw tables about regions besides raw.municipalities."""
    return {
        "municipality_years": municipality_years(data_dir),
        "region_groups": region_groups(data_dir),
        "municipality_successors": successors(data_dir),
    }
