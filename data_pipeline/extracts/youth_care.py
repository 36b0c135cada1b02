"""CBS youth-care tables from the StatLine dumps: young people, costs and referrers, long format.

Rows are `indicator, region_code, year, category, value, table_id` (`wide` turns them into one
row per region and year, a column per `indicator` or `indicator:category`), for every
municipality, province, youth-care region and the Netherlands where CBS published them; an
empty dump cell stays empty (not published). Region titles are resolved to codes with the same
year's "Gebieden in Nederland" table. Where a dump was cut off at 10,000 rows, the
municipalities of a year it does not reach are listed as gaps (`reason = truncated`): missing,
never zero.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from data_pipeline.extracts.dumps import column, is_truncated, number, read_dump, year_of

OBSERVATION_COLUMNS = ["indicator", "region_code", "year", "category", "value", "table_id"]
GAP_COLUMNS = ["table_id", "indicator", "region_code", "year", "reason"]
YOUTH_CARE_TABLES = ("84134NED", "85099NED")  # 2015-2020, 2021 on (CBS: a break in between)
COST_TABLE = "83454NED"
REFERRER_TABLES = {
    2015: "82964NED",
    2016: "83563NED",
    2017: "83782NED",
    2018: "84316NED",
    2019: "84615NED",
    2020: "84856NED",
    2021: "85075NED",
    2022: "85335NED",
    2023: "85685NED",
}
# Measure-key prefixes per referrer category; several CBS referrers make our 'other_none'.
REFERRER_COLUMNS = {
    "total": ("TotaalJeugdzorgtrajecten", "TotaalTrajectenInNatura"),
    "access_team": ("GemeentelijkeToegang",),
    "gp": ("Huisarts",),
    "youth_doctor": ("Jeugdarts",),
    "certified_institution": ("GecertificeerdeInstelling",),
    "medical_specialist": ("MedischSpecialist",),
    "other_none": ("RechterOfficierVanJustitie", "GeenVerwijzer", "VerwijzerOnbekend"),
}
TOTAL_YOUTH_CARE = "JZ Totaal jeugdzorg"  # jeugdhulp, jeugdbescherming and jeugdreclassering
GROUP_SUFFIX = re.compile(r"^(?P<name>.+) \((?P<kind>PV|JZ)\)$")


class UnresolvedRegions(ValueError):
    """Region titles with values that no year's classification names (listed in the message)."""


@dataclass(frozen=True)
class RegionNames:
    """Title -> code, per year for municipalities, and for provinces and youth-care regions."""

    municipalities: dict[tuple[int, str], str]  # (year, StatLine title) -> GM code
    groups: dict[tuple[str, str], str]  # ('PV' | 'JZ', name) -> code

    @classmethod
    def from_regions(cls, regions: pd.DataFrame, names: pd.DataFrame) -> RegionNames:
        """Built from `regions.regions_by_year` output."""
        municipalities = {
            (int(year), title): code
            for year, title, code in regions[
                ["year", "statline_title", "municipality_code"]
            ].itertuples(index=False)
        }
        kinds = {"province": "PV", "youth_care_region": "JZ"}
        groups = {
            (kinds[kind], name): code
            for kind, code, name in names[["kind", "code", "name"]].itertuples(index=False)
            if kind in kinds
        }
        return cls(municipalities, groups)

    def code(self, title: str, year: int) -> str | None:
        """The region code of a title in a year; None for regions we do not show (COROP, LD)."""
        if title == "Nederland":
            return "NL01"
        grouped = GROUP_SUFFIX.match(title)
        if grouped:
            return self.groups.get((grouped["kind"], grouped["name"]))
        if title.endswith(("(CR)", "(LD)")):
            return None
        return self.municipalities.get((year, title), "?")


def _resolved(frame: pd.DataFrame, region: str, names: RegionNames, table_id: str) -> pd.DataFrame:
    """Yearly rows with a `region_code`; titles nobody knows raise, naming them."""
    frame = frame.assign(year=frame["Perioden"].map(year_of)).dropna(subset=["year"])
    frame["year"] = frame["year"].astype(int)
    frame["region_code"] = [
        names.code(title, year) for title, year in zip(frame[region], frame["year"], strict=True)
    ]
    unknown = frame[frame["region_code"] == "?"]
    measures = [name for name in frame.columns if re.search(r"_\d+$", name)]
    measured = unknown[measures].notna().any(axis=1)
    if measured.any():
        titles = sorted(set(unknown.loc[measured, region]))
        raise UnresolvedRegions(f"{table_id}: region titles not in any classification: {titles}")
    return frame[frame["region_code"].notna() & (frame["region_code"] != "?")]


def _long(frame: pd.DataFrame, measures: dict[str, tuple[str, float]], table_id: str) -> list:
    return [
        pd.DataFrame(
            {
                "indicator": indicator,
                "region_code": frame["region_code"],
                "year": frame["year"],
                "category": "total",
                "value": number(frame[measure]) * scale,
                "table_id": table_id,
            }
        )
        for measure, (indicator, scale) in measures.items()
    ]


def youth_care(folder: Path, names: RegionNames) -> pd.DataFrame:
    """Young people (under 23) with youth care, count and CBS's share, 2015 on."""
    parts = []
    for table_id in YOUTH_CARE_TABLES:
        frame = read_dump(folder / f"{table_id}.csv")
        frame = _resolved(
            frame[frame["VormenVanJeugdzorg"] == TOTAL_YOUTH_CARE], "RegioS", names, table_id
        )
        measures = {
            column(frame, "JongerenMetJeugdzorg"): ("youth_care_clients", 1.0),
            column(frame, "JongerenMetJeugdzorgRelatief"): ("youth_care_share_pct", 1.0),
        }
        parts += _long(frame, measures, table_id)
    return _sorted(pd.concat(parts, ignore_index=True))


def youth_care_costs(folder: Path, names: RegionNames) -> pd.DataFrame:
    """Budgeted and realised youth-care costs per municipality, in euro (CBS: x 1,000)."""
    frame = read_dump(folder / f"{COST_TABLE}.csv")
    frame = _resolved(
        frame[frame["VormenVanJeugdzorg"] == TOTAL_YOUTH_CARE], "Regio", names, COST_TABLE
    )
    measures = {
        column(frame, "GerealiseerdeKosten"): ("youth_spend_eur", 1000.0),
        column(frame, "BegroteKosten"): ("youth_budget_eur", 1000.0),
    }
    return _sorted(pd.concat(_long(frame, measures, COST_TABLE), ignore_index=True))


def _referrer_value(frame: pd.DataFrame, prefixes: Iterable[str]) -> pd.Series:
    """The sum of the referrer columns present; unknown when any of them is empty."""
    present = [name for name in frame.columns if name.split("_")[0] in prefixes]
    values = pd.concat([number(frame[name]) for name in present], axis=1)
    return values.sum(axis=1, min_count=len(present)).where(values.notna().all(axis=1))


def referrers(folder: Path) -> pd.DataFrame:
    """Youth-care trajectories per municipality and the country, in total and by referrer."""
    parts = []
    for year, table_id in REFERRER_TABLES.items():
        frame = read_dump(folder / f"{table_id}.csv")
        first_category = frame[frame.columns[1]] == frame[frame.columns[1]].iloc[0]
        code = frame[column(frame, "Codering")]
        region = code.str.startswith("GM") | (code == "NL01")  # not the districts (WK)
        frame = frame[first_category & region & (frame["Perioden"] == str(year))]
        for category, prefixes in REFERRER_COLUMNS.items():
            parts.append(
                pd.DataFrame(
                    {
                        "indicator": "youth_care_trajectories",
                        "region_code": frame[column(frame, "Codering")],
                        "year": year,
                        "category": category,
                        "value": _referrer_value(frame, prefixes),
                        "table_id": table_id,
                    }
                )
            )
    return _sorted(pd.concat(parts, ignore_index=True))


def gaps(observations: pd.DataFrame, regions: pd.DataFrame, truncated: set[str]) -> pd.DataFrame:
    """Municipalities a table does not reach in a year although they existed then."""
    found = []
    existing = regions.groupby("year")["municipality_code"].apply(set).to_dict()
    for (table_id, indicator, year), rows in observations.groupby(
        ["table_id", "indicator", "year"]
    ):
        missing = existing.get(year, set()) - set(rows["region_code"])
        reason = "truncated" if table_id in truncated else "not_in_table"
        found += [(table_id, indicator, code, year, reason) for code in sorted(missing)]
    return pd.DataFrame(found, columns=GAP_COLUMNS)


def truncated_tables(folder: Path, table_ids: Iterable[str]) -> set[str]:
    """The tables whose dump stopped at the row limit."""
    return {t for t in table_ids if is_truncated(read_dump(folder / f"{t}.csv"))}


def wide(observations: pd.DataFrame) -> pd.DataFrame:
    """One row per region and year; a column per indicator (`indicator:category` if not total)."""
    names = observations["indicator"].where(
        observations["category"] == "total",
        observations["indicator"] + ":" + observations["category"],
    )
    frame = observations.assign(series=names).pivot(
        index=["region_code", "year", "table_id"], columns="series", values="value"
    )
    ordered = sorted(set(names), key=lambda name: (":" in name, name))  # totals first
    return frame[ordered].reset_index().rename_axis(columns=None)


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame[OBSERVATION_COLUMNS].astype({"year": "int64"})
    return frame.sort_values(["indicator", "region_code", "year", "category"], ignore_index=True)
