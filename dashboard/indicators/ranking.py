"""A rank with honest ties: places whose values differ by less than the publisher's rounding
allows share a rank.

Pure. Every value comes with the interval it can lie in given the rounding (`value_low`,
`value_high`, computed in the store). Places are ordered best first (the indicator's direction);
a place joins the tie of the place that leads it when their intervals overlap, otherwise it
starts a new tie. Everyone in a tie gets the rank of its best possible position ('gedeeld 7e').
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Rank:
    """One place's position in its group."""

    rank: int
    of: int  # places with a value
    shared_with: int  # other places in the same tie

    @property
    def label(self) -> str:
        """'7e' or 'gedeeld 7e'."""
        return f"gedeeld {self.rank}e" if self.shared_with else f"{self.rank}e"


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def rank_with_ties(values: pd.DataFrame, *, higher_is_better: bool) -> dict[str, Rank]:
    """Rank per municipality code (rows: municipality_code, value, value_low, value_high)."""
    known = values.dropna(subset=["value"])
    ordered = known.sort_values(
        ["value", "municipality_code"], ascending=[not higher_is_better, True]
    )
    ties: list[list[tuple[str, tuple[float, float]]]] = []
    for row in ordered.itertuples(index=False):
        low = row.value if pd.isna(row.value_low) else row.value_low
        high = row.value if pd.isna(row.value_high) else row.value_high
        interval = (float(low), float(high))
        if ties and _overlap(ties[-1][0][1], interval):
            ties[-1].append((row.municipality_code, interval))
        else:
            ties.append([(row.municipality_code, interval)])
    ranks, before = {}, 0
    for tie in ties:
        for code, _ in tie:
            ranks[code] = Rank(before + 1, len(ordered), len(tie) - 1)
        before += len(tie)
    return ranks
