"""Deterministic sample data ("Voorbeeldgegevens") so every page has something to show.

Every value made here is flagged `is_demo` and cites the `sample` source record; none of it is an
official figure. Values are plausible for a Dutch municipality, parts add up to totals, and where a
document states a figure (e.g. Woudenberg 370 young people in youth care in 2019), the generated
breakdown is scaled to agree with it. Seeds derive from the region code, so a rebuild gives the
same numbers on every machine.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from data_pipeline.observations import ObservationBatch

SAMPLE_SOURCE_ID = "sample:v1"
GENERATOR_VERSION_DATE = "2026-11-24"
COOPERATIVE_MUNICIPALITY = "GM0351"  # Woudenberg: its sample follows the documented direction
COOPERATIVE_START_YEAR = 2018

YOUTH_FORMS = {  # share of young people in care, by form; sums to 1
    "without_accommodation": 0.80,
    "with_accommodation": 0.05,
    "foster_care": 0.04,
    "child_protection": 0.08,
    "juvenile_probation": 0.03,
}
REFERRERS = {  # share of new trajectories, by referrer; sums to 1
    "access_team": 0.34,
    "gp": 0.31,
    "youth_doctor": 0.06,
    "certified_institution": 0.08,
    "medical_specialist": 0.10,
    "other_none": 0.11,
}
SPEND_EUR_PER_CLIENT = {  # realised euros per young person in care, by category
    "youth_without_accommodation": 5200.0,
    "youth_with_accommodation": 4100.0,
    "youth_protection_probation": 1300.0,
}
WMO_EUR_PER_INHABITANT = {
    "wmo_support": 95.0,
    "wmo_household_help": 70.0,
    "wmo_aids_housing": 35.0,
}
VOLUNTEER_FIELDS = {"youth": 0.22, "wmo": 0.38, "participation": 0.15, "community": 0.25}
HEALTH_MONITOR_YEARS = (2016, 2020, 2022, 2024)  # four-yearly survey (2022 extra edition)


@dataclass(frozen=True)
class Region:
    """A municipality to generate for, with its approximate size."""

    code: str
    inhabitants: float
    province_code: str


def _rng(*parts: object) -> random.Random:
    """A generator seeded by its purpose, so values don't shift when others are added."""
    return random.Random(zlib.crc32("|".join(map(str, parts)).encode()))


def split_total(total: int, shares: dict[str, float], rng: random.Random) -> dict[str, int]:
    """Split an integer total over categories by noisy shares; the parts sum to the total."""
    noisy = {key: share * rng.uniform(0.85, 1.15) for key, share in shares.items()}
    scale = total / sum(noisy.values())
    parts = {key: int(value * scale) for key, value in noisy.items()}
    remainder = total - sum(parts.values())
    largest = sorted(noisy, key=noisy.get, reverse=True)  # type: ignore[arg-type]
    for key in largest[:remainder]:
        parts[key] += 1
    return parts


def _youth_rate(region: Region, year: int) -> float:
    """Share of young people with youth care: rising nationally, falling after the cooperative."""
    base = 0.105 * _rng("rate", region.code).uniform(0.85, 1.15)
    if region.code == COOPERATIVE_MUNICIPALITY and year >= COOPERATIVE_START_YEAR:
        return base * (1 - 0.035 * (year - COOPERATIVE_START_YEAR + 1))
    return base * (1 + 0.012 * (year - 2015))


def _gp_share(region: Region, year: int) -> float:
    if region.code == COOPERATIVE_MUNICIPALITY and year >= COOPERATIVE_START_YEAR:
        return REFERRERS["gp"] * (1 - 0.06 * (year - COOPERATIVE_START_YEAR + 1))
    return REFERRERS["gp"] * _rng("gp", region.code).uniform(0.9, 1.1)


def _model_youth(region: Region, year: int) -> int:
    inhabitants = region.inhabitants * (1 + 0.008 * (year - 2022))
    return round(inhabitants * _rng("youth", region.code).uniform(0.19, 0.25))


def _clients(region: Region, year: int, youth: int, anchors: dict) -> int:
    """Young people in care; scaled so the series passes through documented figures."""
    key = ("youth_care_clients", region.code, year)
    if key in anchors:
        return int(anchors[key])
    anchored = [y for (ind, code, y) in anchors if ind == key[0] and code == region.code]
    scale = 1.0
    if anchored:
        ratios = [
            anchors[(key[0], region.code, y)] / (_model_youth(region, y) * _youth_rate(region, y))
            for y in anchored
        ]
        scale = sum(ratios) / len(ratios)
    return round(youth * _youth_rate(region, year) * scale)


def _rows(region: Region, year: int, anchors: dict[tuple[str, str, int], float]) -> Iterator[tuple]:
    rng = _rng(region.code, year)
    inhabitants = round(
        region.inhabitants * (1 + 0.008 * (year - 2022)) * rng.uniform(0.995, 1.005)
    )
    youth = round(inhabitants * _rng("youth", region.code).uniform(0.19, 0.25))
    yield "population", "total", inhabitants
    yield "population", "age_0_17", youth

    clients = _clients(region, year, youth, anchors)
    yield "youth_care_clients", "total", clients
    for form, count in split_total(clients, YOUTH_FORMS, rng).items():
        yield "youth_care_clients", form, count

    shares = dict(REFERRERS, gp=_gp_share(region, year))
    shares["access_team"] += REFERRERS["gp"] - shares["gp"]  # the access team takes over
    trajectories = round(clients * rng.uniform(0.55, 0.65))
    yield "youth_care_trajectories", "total", trajectories
    for referrer, count in split_total(trajectories, shares, rng).items():
        yield "youth_care_trajectories", referrer, count

    yield from _spend_rows(region, year, clients, inhabitants, rng)
    yield from _volunteer_rows(region, year, inhabitants, rng)


def _spend_rows(
    region: Region, year: int, clients: int, inhabitants: int, rng: random.Random
) -> Iterator[tuple]:
    price_index = 1.03 ** (year - 2015)
    realised = {
        key: round(eur * clients * price_index * rng.uniform(0.9, 1.1), -3)
        for key, eur in SPEND_EUR_PER_CLIENT.items()
    }
    realised.update(
        {
            key: round(eur * inhabitants * price_index * rng.uniform(0.9, 1.1), -3)
            for key, eur in WMO_EUR_PER_INHABITANT.items()
        }
    )
    yield "spend_realised_eur", "total", sum(realised.values())
    budget = {key: round(value * rng.uniform(0.94, 1.04), -3) for key, value in realised.items()}
    yield "spend_budget_eur", "total", sum(budget.values())
    for key in realised:
        yield "spend_realised_eur", key, realised[key]
        yield "spend_budget_eur", key, budget[key]


def _volunteer_rows(
    region: Region, year: int, inhabitants: int, rng: random.Random
) -> Iterator[tuple]:
    per_1000 = 9.0 * _rng("vol", region.code).uniform(0.8, 1.2)
    if region.code == COOPERATIVE_MUNICIPALITY and year >= COOPERATIVE_START_YEAR:
        per_1000 *= 1 + 0.08 * (year - COOPERATIVE_START_YEAR + 1)
    volunteers = round(inhabitants / 1000 * per_1000 * rng.uniform(0.95, 1.05))
    yield "volunteers_registered", "total", volunteers
    for field_name, count in split_total(volunteers, VOLUNTEER_FIELDS, rng).items():
        yield "volunteers_registered", field_name, count
    yield "buddies_registered", "total", round(volunteers * rng.uniform(0.12, 0.18))
    if year in HEALTH_MONITOR_YEARS:
        level = 31.0 * _rng("monitor", region.code).uniform(0.85, 1.2)
        yield "adults_volunteering_pct", "total", round(level + rng.uniform(-1.5, 1.5), 1)


def _aggregate(frame: pd.DataFrame, code: str) -> pd.DataFrame:
    """An aggregate region: counts and euros summed, percentages averaged."""
    summed = frame.groupby(["indicator", "year", "category"], as_index=False)["value"]
    result = summed.sum()
    pct = frame["indicator"].str.endswith("_pct")
    means = frame[pct].groupby(["indicator", "year", "category"], as_index=False)["value"].mean()
    result = pd.concat([result[~result["indicator"].str.endswith("_pct")], means.round(1)])
    return result.assign(municipality_code=code)


def _cells(frame: pd.DataFrame, indicator: str, code: str, year: int, *, total: bool) -> pd.Series:
    return (
        (frame["indicator"] == indicator)
        & (frame["municipality_code"] == code)
        & (frame["year"] == year)
        & ((frame["category"] == "total") == total)
    )


def apply_change_anchors(
    frame: pd.DataFrame, changes: dict[tuple[str, str, int], float]
) -> pd.DataFrame:
    """Rescale a year's categories so its total differs from the year before as documented."""
    frame = frame.copy()
    for (indicator, code, year), change in changes.items():
        previous_total = _cells(frame, indicator, code, year - 1, total=True)
        total, parts = (_cells(frame, indicator, code, year, total=flag) for flag in (True, False))
        if not previous_total.any() or not total.any():
            continue
        target = frame.loc[previous_total, "value"].iloc[0] + change
        factor = target / frame.loc[total, "value"].iloc[0]
        frame.loc[parts, "value"] = (frame.loc[parts, "value"] * factor).round(-3)
        frame.loc[total, "value"] = frame.loc[parts, "value"].sum()
    return frame


def sample_source() -> pd.DataFrame:
    """The one source record every sample value cites."""
    return pd.DataFrame(
        [
            {
                "source_id": SAMPLE_SOURCE_ID,
                "kind": "sample",
                "publisher": "Sociaal Kompas",
                "title": "Voorbeeldgegevens (gegenereerd, geen officiële cijfers)",
                "reference": "data_pipeline/sources/sample.py, generator v1",
                "published_on": GENERATOR_VERSION_DATE,
                "retrieved_at": "",
                "licence": "CC0 (gegenereerde gegevens)",
                "url": "",
                "is_demo": True,
            }
        ]
    )


def generate_sample(
    regions: list[Region],
    years: range,
    anchors: dict[tuple[str, str, int], float],
    *,
    changes: dict[tuple[str, str, int], float] | None = None,
    national_code: str | None = "NL01",
    national_inhabitants: float = 17_900_000,
) -> ObservationBatch:
    """Sample observations for each region and year, plus province and national totals."""
    rows = [
        (indicator, region.code, year, category, float(value))
        for region in regions
        for year in years
        for indicator, category, value in _rows(region, year, anchors)
    ]
    frame = pd.DataFrame(
        rows, columns=["indicator", "municipality_code", "year", "category", "value"]
    )
    frame = apply_change_anchors(frame, changes or {})
    parts = [frame]
    province_of = {region.code: region.province_code for region in regions}
    for province_code in sorted(set(province_of.values()) - {""}):
        members = [code for code, province in province_of.items() if province == province_code]
        parts.append(_aggregate(frame[frame["municipality_code"].isin(members)], province_code))
    if national_code:
        national = generate_sample(
            [Region(national_code, national_inhabitants, "")], years, anchors, national_code=None
        ).observations
        parts.append(national[national["municipality_code"] == national_code])
    observations = pd.concat(parts, ignore_index=True).assign(
        source_id=SAMPLE_SOURCE_ID, is_demo=True, is_provisional=False
    )
    return ObservationBatch(observations, sample_source())


def regions_from_reference(municipalities: pd.DataFrame) -> list[Region]:
    """Municipalities with a known approximate size get sample data."""
    known = municipalities[
        (municipalities["region_kind"] == "municipality")
        & municipalities["approx_inhabitants"].notna()
    ]
    return [
        Region(row.municipality_code, float(row.approx_inhabitants), row.province_code)
        for row in known.itertuples(index=False)
    ]
