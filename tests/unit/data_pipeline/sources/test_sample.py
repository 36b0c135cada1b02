"""The sample generator: deterministic, consistent, flagged, and neutral for every place."""

from __future__ import annotations

import inspect
import re

import pandas as pd

from data_pipeline.sources import sample
from data_pipeline.sources.sample import Region, _rng, generate_sample, split_total

REGIONS = [
    Region("GM0351", 13900, "PV26"),
    Region("GM0327", 30500, "PV26"),
    Region("GM0339", 5600, "PV26"),
    Region("GM0345", 67000, "PV26"),
]
YEARS = range(2015, 2025)


def observations() -> pd.DataFrame:
    return generate_sample(REGIONS, YEARS).observations


def totals(indicator: str) -> pd.DataFrame:
    obs = observations()
    rows = obs[(obs["indicator"] == indicator) & (obs["category"] == "total")]
    return rows.pivot(index="year", columns="municipality_code", values="value")


def test_same_inputs_give_the_same_numbers():
    assert observations().equals(observations())


def test_every_value_is_flagged_as_sample_and_cites_the_sample_source():
    batch = generate_sample(REGIONS, YEARS)
    assert batch.observations["is_demo"].all()
    assert set(batch.observations["source_id"]) == {sample.SAMPLE_SOURCE_ID}
    assert "Voorbeeldgegevens" in batch.sources["title"].item()


def test_breakdowns_add_up_to_totals():
    obs = observations()
    for key, group in obs.groupby(["indicator", "municipality_code", "year"]):
        parts = group.loc[group["category"] != "total", "value"]
        if len(parts):
            total = group.loc[group["category"] == "total", "value"].item()
            assert abs(parts.sum() - total) < 0.5, key


def test_the_generator_names_no_place_and_no_year_of_its_own():
    # Neutral by construction: no municipality code and no cut-off year in the generator.
    source = inspect.getsource(sample)
    assert not re.search(r"GM\d{4}", source)
    assert not re.search(r"COOPERATIVE|START_YEAR|anchor", source, re.IGNORECASE)


def test_every_place_follows_the_same_process_over_time():
    # Youth-care rate from 2018 to 2024: the common drift (1 + 0.012 * 9) / (1 + 0.012 * 3),
    # times the ratio of two yearly noises in [0.96, 1.04]. Woudenberg gets no effect of its own.
    clients, youth = totals("youth_care_clients"), totals("youth_population")
    rate = clients / youth
    ratio = rate.loc[2024] / rate.loc[2018]
    drift = (1 + 0.012 * 9) / (1 + 0.012 * 3)
    rounding = 0.02  # counts are whole people; the smallest place moves most by rounding
    low, high = drift * 0.96 / 1.04 - rounding, drift * 1.04 / 0.96 + rounding
    assert ratio.between(low, high).all(), ratio.to_dict()


def test_province_totals_are_the_sum_of_their_municipalities():
    obs = observations()
    province = obs[(obs["municipality_code"] == "PV26") & (obs["indicator"] == "population")]
    members = obs[
        obs["municipality_code"].str.startswith("GM") & (obs["indicator"] == "population")
    ]
    assert province.set_index("year")["value"].equals(members.groupby("year")["value"].sum())


def test_split_total_keeps_the_total():
    parts = split_total(97, {"a": 0.5, "b": 0.3, "c": 0.2}, _rng("test"))
    assert sum(parts.values()) == 97 and set(parts) == {"a", "b", "c"}
