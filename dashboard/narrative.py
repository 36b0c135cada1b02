"""Short Dutch sentences that say what a chart shows ("In 2022 kregen 311 jongeren ...").

A change is only stated between two values of one source: across a change of source (sample
data to CBS, or one CBS table to another) the sentence names the break in the series instead.
On small bases a percentage would overstate the change, so the difference is given as a number.
"""

from __future__ import annotations

import pandas as pd

from dashboard.labels import SAMPLE_BADGE, format_number

SMALL_BASE = 50  # below this, '+100%' (26 -> 52 buddies) says more than the numbers do


def describe_change(current: float, earlier: float, *, in_points: bool, decimals: int = 0) -> str:
    """'16% minder' / '4,2 procentpunt meer' / '3 meer' (small base) / 'evenveel'."""
    difference = current - earlier
    direction = "meer" if difference > 0 else "minder"
    if in_points:
        if round(difference, 1) == 0:
            return "evenveel"
        return f"{format_number(abs(difference), 1)} procentpunt {direction}"
    if abs(earlier) < SMALL_BASE:
        if round(difference, decimals) == 0:
            return "evenveel"
        return f"{format_number(abs(difference), decimals)} {direction}"
    change = 100.0 * difference / earlier
    if round(change) == 0:
        return "ongeveer evenveel"
    return f"{format_number(abs(change), 0)}% {direction}"


def trend_sentence(
    series: pd.DataFrame, level: str, *, name: str, decimals: int, in_points: bool = False
) -> str:
    """`level` ({year}, {value}, {name}) for the last known year, plus the change since the first.

    E.g. "In 2022 kregen 311 jongeren in Woudenberg jeugdhulp, 16% minder dan in 2019."
    """
    known = series.dropna(subset=["value"]).sort_values("year")
    if known.empty:
        return f"Voor {name} zijn in deze periode geen (openbare) cijfers."
    last, first = known.iloc[-1], known.iloc[0]
    sentence = level.format(
        year=int(last["year"]), value=format_number(last["value"], decimals), name=name
    )
    marker = (
        f" ({SAMPLE_BADGE.lower()})"
        if "status" in known and (known["status"] == "generated").any()
        else ""
    )
    if int(first["year"]) == int(last["year"]):
        return f"{sentence}{marker}."
    if "source_id" in known and first["source_id"] != last["source_id"]:
        return (
            f"{sentence}{marker}. Met {int(first['year'])} is dit niet te vergelijken: de cijfers "
            "komen uit een andere bron (een breuk in de reeks)."
        )
    change = describe_change(
        float(last["value"]), float(first["value"]), in_points=in_points, decimals=decimals
    )
    return f"{sentence}, {change} dan in {int(first['year'])}{marker}."
