"""Small-cell suppression: primary, secondary across categories and regions, and an attack."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from data_pipeline.suppression import Relation, suppress, suppress_small_cells

CATEGORIES = {"youth_care_clients": ["a", "b", "c"]}
NO_REGIONS: list[tuple[str, list[str]]] = []


def frame(
    cells: dict[tuple[str, str], float | None], indicator: str = "youth_care_clients"
) -> pd.DataFrame:
    """Observations from {(region, category): value} for one indicator in 2022."""
    return pd.DataFrame(
        [
            {
                "indicator": indicator,
                "municipality_code": region,
                "year": 2022,
                "category": category,
                "value": math.nan if value is None else value,
                "cell_symbol": None,
            }
            for (region, category), value in cells.items()
        ]
    )


def hidden(result: pd.DataFrame) -> set[tuple[str, str]]:
    rows = result[result["is_suppressed"]]
    return set(zip(rows["municipality_code"], rows["category"], strict=True))


def one_region(values: dict[str, float | None]) -> pd.DataFrame:
    return frame({("GM0351", category): value for category, value in values.items()})


def run(observations: pd.DataFrame, hierarchy=NO_REGIONS) -> pd.DataFrame:
    return suppress_small_cells(
        observations, threshold=10, categories=CATEGORIES, hierarchy=hierarchy
    )


def test_primary_cell_below_threshold_is_hidden_marked_and_removed():
    result = run(one_region({"total": 60, "a": 40, "b": 15, "c": 5}))
    cell = result[result["category"] == "c"]
    assert cell["value"].isna().all() and (cell["cell_symbol"] == "x").all()


def test_a_lone_hidden_part_gets_the_smallest_other_part_hidden_too():
    # total 60 = 40 + 15 + 5: hiding only c (5) would leave it as 60 - 40 - 15.
    result = run(one_region({"total": 60, "a": 40, "b": 15, "c": 5}))
    assert hidden(result) == {("GM0351", "c"), ("GM0351", "b")}


def test_two_primary_cells_need_no_secondary():
    result = run(one_region({"total": 60, "a": 48, "b": 7, "c": 5}))
    assert hidden(result) == {("GM0351", "b"), ("GM0351", "c")}


def test_a_small_total_hides_the_whole_breakdown():
    result = run(one_region({"total": 8, "a": 5, "b": 3, "c": 0}))
    assert hidden(result) == {("GM0351", c) for c in ("total", "a", "b", "c")}


def test_zero_and_cells_the_source_left_empty_are_not_hidden_but_count_as_unknown():
    # c was never published: with b hidden, two cells are unknown, so nothing more is needed.
    result = run(one_region({"total": 60, "a": 40, "b": 5, "c": None}))
    assert hidden(result) == {("GM0351", "b")}
    assert result.loc[result["category"] == "c", "cell_symbol"].isna().all()


def test_a_hidden_municipality_is_protected_within_its_province():
    # Renswoude's 5 would be province - the others. Its own breakdown is protected by b; the
    # province relation of category c needs a second hidden municipality.
    cells = {
        ("PV26", "c"): 75.0,
        ("GM0339", "c"): 5.0,
        ("GM0351", "c"): 30.0,
        ("GM0345", "c"): 40.0,
    }
    for region in ("PV26", "GM0339", "GM0351", "GM0345"):
        cells |= {
            (region, "total"): 1000.0,
            (region, "a"): 500.0,
            (region, "b"): 500.0 - cells[(region, "c")],
        }
    hierarchy = [("PV26", None, ["GM0339", "GM0351", "GM0345"])]
    result = run(frame(cells), hierarchy)
    hidden_c = {region for region, category in hidden(result) if category == "c"}
    assert "GM0339" in hidden_c and len(hidden_c - {"PV26"}) >= 2


def test_other_indicators_pass_unchanged():
    observations = frame({("GM0351", "total"): 3.0}, indicator="youth_spend_eur")
    assert not run(observations)["is_suppressed"].any()


def peel(values: dict, relations: list[Relation], hidden_cells: set) -> set:
    """The subtraction attack: solve every relation with exactly one unknown, until stuck."""
    known = {
        cell: value
        for cell, value in values.items()
        if cell not in hidden_cells and not math.isnan(value)
    }
    recovered: set = set()
    progress = True
    while progress:
        progress = False
        for relation in relations:
            unknown = [cell for cell in relation.members() if cell not in known]
            if len(unknown) == 1:
                cell = unknown[0]
                parts_known = sum(known[p] for p in relation.parts if p in known)
                known[cell] = (
                    parts_known if cell == relation.total else known[relation.total] - parts_known
                )
                recovered.add(cell)
                progress = True
    return recovered & hidden_cells


@pytest.mark.parametrize("seed", range(30))
def test_no_hidden_cell_can_be_recovered_by_subtraction_on_random_grids(seed):
    import random

    rng = random.Random(seed)
    regions = [f"GM{i:04d}" for i in range(6)]
    values: dict = {}
    relations: list[Relation] = []
    for region in regions:
        parts = {c: float(rng.choice([0, 1, 3, 5, 8, 12, 15, 30, 60])) for c in ("a", "b", "c")}
        values |= {("x", region, 2022, c): v for c, v in parts.items()}
        values[("x", region, 2022, "total")] = sum(parts.values())
        relations.append(
            Relation(("x", region, 2022, "total"), tuple(("x", region, 2022, c) for c in parts))
        )
    for category in ("a", "b", "c", "total"):
        values[("x", "PV", 2022, category)] = sum(values[("x", r, 2022, category)] for r in regions)
        relations.append(
            Relation(("x", "PV", 2022, category), tuple(("x", r, 2022, category) for r in regions))
        )
    relations.append(
        Relation(("x", "PV", 2022, "total"), tuple(("x", "PV", 2022, c) for c in "abc"))
    )
    secret = suppress(values, relations, threshold=10)
    assert peel(values, relations, secret) == set()
    small = {cell for cell, value in values.items() if 0 < value < 10}
    assert small <= secret
