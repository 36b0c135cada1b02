"""Small-cell suppression: primary, secondary, small totals, and what is left alone."""

from __future__ import annotations

import pandas as pd
import pytest

from data_pipeline.suppression import suppress_small_cells

PEOPLE = {"youth_care_clients"}


def group(values: dict[str, float | None], indicator: str = "youth_care_clients") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indicator": indicator,
            "municipality_code": "GM0351",
            "year": 2022,
            "category": list(values),
            "value": list(values.values()),
        }
    )


def suppressed(frame: pd.DataFrame) -> set[str]:
    return set(frame.loc[frame["is_suppressed"], "category"])


def test_primary_cell_below_threshold_is_hidden_and_value_removed():
    result = suppress_small_cells(
        group({"total": 60, "a": 40, "b": 15, "c": 5}), threshold=10, indicators=PEOPLE
    )
    assert "c" in suppressed(result)
    assert result.loc[result["category"] == "c", "value"].isna().all()


def test_single_suppressed_part_gets_secondary_suppression_of_next_smallest():
    # total 60 = 40 + 15 + 5: hiding only c (5) would leave it as 60 - 40 - 15.
    result = suppress_small_cells(
        group({"total": 60, "a": 40, "b": 15, "c": 5}), threshold=10, indicators=PEOPLE
    )
    assert suppressed(result) == {"c", "b"}
    assert result.loc[result["category"] == "total", "value"].item() == 60


def test_two_primary_cells_need_no_secondary():
    result = suppress_small_cells(
        group({"total": 60, "a": 48, "b": 7, "c": 5}), threshold=10, indicators=PEOPLE
    )
    assert suppressed(result) == {"b", "c"}


def test_zero_is_not_primary_but_can_be_secondary():
    result = suppress_small_cells(
        group({"total": 52, "a": 50, "b": 2, "c": 0}), threshold=10, indicators=PEOPLE
    )
    assert suppressed(result) == {"b", "c"}


def test_small_total_hides_the_whole_group():
    result = suppress_small_cells(
        group({"total": 8, "a": 5, "b": 3}), threshold=10, indicators=PEOPLE
    )
    assert suppressed(result) == {"total", "a", "b"}


def test_no_recoverable_cell_in_any_group():
    """For every group: never exactly one hidden part next to a published total."""
    frames = [
        group({"total": t, "a": t - b - c, "b": b, "c": c})
        for t in (30, 50, 200)
        for b in (0, 3, 9, 10, 25)
        for c in (1, 4, 12)
        if t - b - c >= 0
    ]
    for frame in frames:
        result = suppress_small_cells(frame, threshold=10, indicators=PEOPLE)
        parts = result[result["category"] != "total"]
        assert parts["is_suppressed"].sum() != 1, frame.to_dict("list")


def test_threshold_is_configurable():
    frame = group({"total": 100, "a": 80, "b": 12, "c": 8})
    assert suppressed(suppress_small_cells(frame, threshold=5, indicators=PEOPLE)) == set()
    assert suppressed(suppress_small_cells(frame, threshold=15, indicators=PEOPLE)) == {"b", "c"}


def test_money_and_percentages_are_not_suppressed():
    frame = group({"total": 9000.0, "a": 5.0, "b": 8995.0}, indicator="spend_realised_eur")
    result = suppress_small_cells(frame, threshold=10, indicators=PEOPLE)
    assert not result["is_suppressed"].any()
    assert result["value"].tolist() == frame["value"].tolist()


def test_threshold_below_one_is_rejected():
    with pytest.raises(ValueError, match="threshold"):
        suppress_small_cells(group({"total": 1}), threshold=0, indicators=PEOPLE)
