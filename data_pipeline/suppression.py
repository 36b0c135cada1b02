"""Small-cell suppression for breakdowns of people counts, as statistical offices apply it.

Primary: a breakdown cell with 1..threshold-1 people is suppressed (a zero discloses nothing
about a person). Secondary: if a group (one indicator, region and year) then has exactly one
suppressed part while its total is published, the next-smallest part is suppressed as well, so
the hidden cell cannot be recovered as total minus the other parts. If the total itself is
small, the total and every part are suppressed.
"""

from __future__ import annotations

import pandas as pd

GROUP_KEYS = ["indicator", "municipality_code", "year"]


def is_primary(value: pd.Series, threshold: int) -> pd.Series:
    """True for counts that could point at a handful of people."""
    return value.notna() & (value > 0) & (value < threshold)


def _suppress_group(group: pd.DataFrame, threshold: int) -> pd.Series:
    """Suppression flags for one group (rows of one indicator, region and year)."""
    flags = is_primary(group["value"], threshold)
    totals = group["category"] == "total"
    if (flags & totals).any():
        return pd.Series(True, index=group.index)
    parts = group[~totals & group["value"].notna()]
    if int(flags[parts.index].sum()) == 1 and len(parts) > 1:
        candidates = parts.loc[~flags[parts.index], "value"].sort_values(kind="stable")
        flags[candidates.index[0]] = True
    return flags


def suppress_small_cells(
    observations: pd.DataFrame, *, threshold: int, indicators: set[str]
) -> pd.DataFrame:
    """Return observations with `is_suppressed` set and suppressed values removed (NaN).

    Only `indicators` (breakdowns of people counts) are suppressed; money and percentages pass.
    """
    if threshold < 1:
        raise ValueError("suppression threshold must be at least 1")
    result = observations.copy()
    result["is_suppressed"] = False
    eligible = result["indicator"].isin(indicators)
    if eligible.any():
        subset = result[eligible]
        flags = pd.concat(
            [
                _suppress_group(group, threshold)
                for _, group in subset.groupby(GROUP_KEYS, sort=False)
            ]
        )
        result.loc[flags.index, "is_suppressed"] = flags.astype(bool)
    result.loc[result["is_suppressed"], "value"] = float("nan")
    return result
