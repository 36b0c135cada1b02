"""Deterministic sample data ("Voorbeeldgegevens") so every page has something to show.

Every value made here is flagged `is_demo` and cites the `sample` source record; none of it is an
official figure. The generator is neutral: every region goes through the same process (a level
drawn from the region's own seed, a common national drift, yearly noise), with no built-in effect
for any place or year and no steering towards figures a document states. Parts add up to totals.
Seeds derive from the region code, so a rebuild gives the same numbers on every machine.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from data_pipeline.observations import ObservationBatch

SAMPLE_SOURCE_ID = "sample:v2"
GENERATOR_VERSION_DATE = "2026-11-25"

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
YOUTH_SPEND_EUR_PER_CLIENT = {
    "without_accommodation": 5200.0,
    "with_accommodation": 4100.0,
    "protection_probation": 1300.0,
}
WMO_SPEND_EUR_PER_INHABITANT = {"support": 95.0, "household_help": 70.0, "aids_housing": 35.0}
VOLUNTEER_FIELDS = {"youth": 0.22, "wmo": 0.38, "participation": 0.15, "community": 0.25}


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
    for key in sorted(noisy, key=lambda name: noisy[name], reverse=True)[:remainder]:
        parts[key] += 1
    return parts


def _level(purpose: str, region: Region, low: float, high: float) -> float:
    """A region's own level for one quantity: fixed per region, the same draw for every region."""
    return _rng(purpose, region.code).uniform(low, high)


def _rows(region: Region, year: int) -> Iterator[tuple[str, str, float]]:
    rng = _rng(region.code, year)
    drift = year - 2015  # one national drift for every region
    inhabitants = round(
        region.inhabitants * (1 + 0.008 * (year - 2022)) * rng.uniform(0.995, 1.005)
    )
    youth = round(inhabitants * _level("youth", region, 0.19, 0.25))
    yield "population", "total", inhabitants
    yield "youth_population", "total", youth

    rate = (
        0.105 * _level("rate", region, 0.85, 1.15) * (1 + 0.012 * drift) * rng.uniform(0.96, 1.04)
    )
    clients = round(youth * rate)
    yield "youth_care_clients", "total", clients
    # CBS relates its count to everyone under 23: about 1.28 times the under-18s (a neutral
    # constant, the same for every region)
    yield "youth_care_share_pct", "total", round(100 * clients / (youth * 1.28), 1)
    for form, count in split_total(clients, YOUTH_FORMS, rng).items():
        yield "youth_care_clients", form, count

    shares = dict(REFERRERS, gp=REFERRERS["gp"] * _level("gp", region, 0.9, 1.1))
    trajectories = round(clients * rng.uniform(0.55, 0.65))
    yield "youth_care_trajectories", "total", trajectories
    for referrer, count in split_total(trajectories, shares, rng).items():
        yield "youth_care_trajectories", referrer, count

    yield from _spend_rows(year, clients, inhabitants, rng)
    yield from _volunteer_rows(region, inhabitants, rng)


def _spend_breakdown(
    indicator: str, parts: dict[str, float], rng: random.Random
) -> Iterator[tuple[str, str, float]]:
    """Realised spend by category and a budget near it, each with its total."""
    budget = {key: round(value * rng.uniform(0.94, 1.04), -3) for key, value in parts.items()}
    for name, amounts in ((f"{indicator}_spend_eur", parts), (f"{indicator}_budget_eur", budget)):
        yield name, "total", sum(amounts.values())
        for key, value in amounts.items():
            yield name, key, value


def _spend_rows(
    year: int, clients: int, inhabitants: int, rng: random.Random
) -> Iterator[tuple[str, str, float]]:
    price_index = 1.03 ** (year - 2015)
    youth = {
        key: round(eur * clients * price_index * rng.uniform(0.9, 1.1), -3)
        for key, eur in YOUTH_SPEND_EUR_PER_CLIENT.items()
    }
    wmo = {
        key: round(eur * inhabitants * price_index * rng.uniform(0.9, 1.1), -3)
        for key, eur in WMO_SPEND_EUR_PER_INHABITANT.items()
    }
    yield from _spend_breakdown("youth", youth, rng)
    yield from _spend_breakdown("wmo", wmo, rng)


def _volunteer_rows(
    region: Region, inhabitants: int, rng: random.Random
) -> Iterator[tuple[str, str, float]]:
    per_1000 = 9.0 * _level("vol", region, 0.8, 1.2) * rng.uniform(0.95, 1.05)
    volunteers = round(inhabitants / 1000 * per_1000)
    yield "volunteers_registered", "total", volunteers
    for field_name, count in split_total(volunteers, VOLUNTEER_FIELDS, rng).items():
        yield "volunteers_registered", field_name, count
    yield "buddies_registered", "total", round(volunteers * rng.uniform(0.12, 0.18))


def sample_source() -> pd.DataFrame:
    """The one source record every sample value cites."""
    return pd.DataFrame(
        [
            {
                "source_id": SAMPLE_SOURCE_ID,
                "kind": "sample",
                "publisher": "Sociaal Kompas",
                "title": "Voorbeeldgegevens (gegenereerd, geen officiële cijfers)",
                "reference": "demo-build, generatorversie 2",
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
    *,
    national_code: str | None = "NL01",
    national_inhabitants: float = 17_900_000,
) -> ObservationBatch:
    """Sample observations for each region and year, plus province sums and a national series."""
    rows = [
        (indicator, region.code, year, category, float(value))
        for region in regions
        for year in years
        for indicator, category, value in _rows(region, year)
    ]
    frame = pd.DataFrame(
        rows, columns=["indicator", "municipality_code", "year", "category", "value"]
    )
    parts = [frame]
    # Province rows are sums; a share does not add up, so provinces get no generated share.
    summable = frame[frame["indicator"] != "youth_care_share_pct"]
    province_of = {region.code: region.province_code for region in regions}
    for province_code in sorted(set(province_of.values()) - {""}):
        members = [code for code, province in province_of.items() if province == province_code]
        summed = summable[summable["municipality_code"].isin(members)]
        parts.append(
            summed.groupby(["indicator", "year", "category"], as_index=False)["value"]
            .sum()
            .assign(municipality_code=province_code)
        )
    if national_code:
        national = generate_sample(
            [Region(national_code, national_inhabitants, "")], years, national_code=None
        )
        parts.append(national.observations[list(frame.columns)])
    observations = pd.concat(parts, ignore_index=True).assign(
        source_id=SAMPLE_SOURCE_ID, is_demo=True, is_provisional=False
    )
    return ObservationBatch(observations, sample_source())


# A demo needs one province of sample data, not the country: the reference customer's.
DEMO_PROVINCE = "PV26"


def regions_from_reference(municipalities: pd.DataFrame) -> list[Region]:
    """Current municipalities of the demo province with a known size get sample data."""
    known = municipalities[
        (municipalities["region_kind"] == "municipality")
        & municipalities["approx_inhabitants"].notna()
        & (municipalities["province_code"] == DEMO_PROVINCE)
        & municipalities["valid_to"].isna()
    ]
    return [
        Region(row.municipality_code, float(row.approx_inhabitants), row.province_code)
        for row in known.itertuples(index=False)
    ]
