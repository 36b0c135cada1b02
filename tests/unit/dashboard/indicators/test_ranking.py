"""A rank with honest ties."""

from __future__ import annotations

import pandas as pd

from dashboard.indicators.ranking import rank_with_ties


def frame(rows: list[tuple[str, float, float, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["municipality_code", "value", "value_low", "value_high"])


def test_lower_is_better_ranks_the_lowest_first():
    ranks = rank_with_ties(
        frame([("A", 10.0, 9.9, 10.1), ("B", 8.0, 7.9, 8.1), ("C", 12.0, 11.9, 12.1)]),
        higher_is_better=False,
    )
    assert {code: r.label for code, r in ranks.items()} == {"B": "1e", "A": "2e", "C": "3e"}
    assert ranks["A"].of == 3


def test_values_within_rounding_share_a_rank():
    ranks = rank_with_ties(
        frame([("A", 25.1, 24.9, 25.2), ("B", 26.0, 25.2, 26.9), ("C", 33.3, 33.1, 33.4)]),
        higher_is_better=False,
    )
    assert ranks["A"].label == "gedeeld 1e" and ranks["B"].label == "gedeeld 1e"
    assert ranks["C"].label == "3e" and ranks["A"].shared_with == 1


def test_higher_is_better_and_missing_values():
    ranks = rank_with_ties(
        frame([("A", 30.0, 29.9, 30.1), ("B", None, None, None), ("C", 40.0, 39.9, 40.1)]),
        higher_is_better=True,
    )
    assert set(ranks) == {"A", "C"} and ranks["C"].rank == 1 and ranks["A"].of == 2
