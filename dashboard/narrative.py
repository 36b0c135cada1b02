"""Short Dutch sentences that say what a chart shows ("In 2022 kregen 311 jongeren ...")."""

from __future__ import annotations

import pandas as pd

from dashboard.labels import format_number


def describe_change(current: float, earlier: float, *, in_points: bool) -> str:
    """'16% minder' / '4,2 procentpunt meer' / 'evenveel'."""
    if in_points:
        difference = current - earlier
        if round(difference, 1) == 0:
            return "evenveel"
        direction = "meer" if difference > 0 else "minder"
        return f"{format_number(abs(difference), 1)} procentpunt {direction}"
    if earlier == 0:
        return "geen vergelijking mogelijk"
    change = 100.0 * (current - earlier) / earlier
    if round(change) == 0:
        return "ongeveer evenveel"
    return f"{format_number(abs(change), 0)}% {'meer' if change > 0 else 'minder'}"


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
    if int(first["year"]) == int(last["year"]):
        return f"{sentence}."
    change = describe_change(float(last["value"]), float(first["value"]), in_points=in_points)
    return f"{sentence}, {change} dan in {int(first['year'])}."
