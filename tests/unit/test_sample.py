"""The sample generator: deterministic, consistent, flagged, and agreeing with documents."""

from __future__ import annotations

from data_pipeline.sources.sample import Region, _rng, generate_sample, split_total

REGIONS = [Region("GM0351", 13900, "PV26"), Region("GM0327", 30500, "PV26")]
ANCHORS = {
    ("youth_care_clients", "GM0351", 2019): 370.0,
    ("youth_care_clients", "GM0351", 2022): 311.0,
}
YEARS = range(2015, 2025)


def sample():
    return generate_sample(
        REGIONS, YEARS, ANCHORS, changes={("spend_realised_eur", "GM0351", 2022): -200_000.0}
    )


def test_same_inputs_give_the_same_numbers():
    assert sample().observations.equals(sample().observations)


def test_every_value_is_flagged_as_sample_and_cites_the_sample_source():
    batch = sample()
    assert batch.observations["is_demo"].all()
    assert set(batch.observations["source_id"]) == {"sample:v1"}
    assert batch.sources["is_demo"].all()
    assert "Voorbeeldgegevens" in batch.sources["title"].item()


def test_breakdowns_add_up_to_totals():
    obs = sample().observations
    obs = obs[obs["indicator"] != "population"]
    for (indicator, code, year), group in obs.groupby(["indicator", "municipality_code", "year"]):
        parts = group.loc[group["category"] != "total", "value"]
        if len(parts):
            total = group.loc[group["category"] == "total", "value"].item()
            assert abs(parts.sum() - total) < 0.5, (indicator, code, year)


def test_documented_figures_are_met():
    obs = sample().observations
    woudenberg = obs[(obs["municipality_code"] == "GM0351") & (obs["category"] == "total")]
    clients = woudenberg[woudenberg["indicator"] == "youth_care_clients"].set_index("year")["value"]
    assert clients[2019] == 370 and clients[2022] == 311
    spend = woudenberg[woudenberg["indicator"] == "spend_realised_eur"].set_index("year")["value"]
    # The document speaks of about EUR 200,000 less; parts are rounded to thousands.
    assert abs((spend[2022] - spend[2021]) - -200_000) <= 3_000


def test_province_and_country_totals_are_added():
    obs = sample().observations
    assert {"PV26", "NL01"} <= set(obs["municipality_code"])
    province = obs[
        (obs["municipality_code"] == "PV26")
        & (obs["indicator"] == "population")
        & (obs["category"] == "total")
        & (obs["year"] == 2020)
    ]["value"].item()
    members = obs[
        obs["municipality_code"].isin(["GM0351", "GM0327"])
        & (obs["year"] == 2020)
        & (obs["indicator"] == "population")
        & (obs["category"] == "total")
    ]["value"]
    assert province == members.sum()


def test_health_monitor_values_exist_only_in_survey_years():
    obs = sample().observations
    years = set(obs.loc[obs["indicator"] == "adults_volunteering_pct", "year"])
    assert years == {2016, 2020, 2022, 2024}


def test_split_total_keeps_the_total():
    parts = split_total(97, {"a": 0.5, "b": 0.3, "c": 0.2}, _rng("test"))
    assert sum(parts.values()) == 97 and set(parts) == {"a", "b", "c"}
