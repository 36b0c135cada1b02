"""Short Dutch sentences that say what a chart shows ("In 2022 kregen 311 jongeren ...").

A change is only stated between two values of one series: across a break (sample data to CBS,
or a CBS table with another definition) the change is measured from the first year of the
current series, and the sentence names the break.
On small bases a percentage would overstate the change, so the difference is given as a number.
"""

from __future__ import annotations

import pandas as pd

from dashboard.text.labels import SAMPLE_BADGE, format_number

SMALL_BASE = 50  # below this, '+100%' (26 -> 52 buddies) says more than the numbers do
# Statuses from weakest to strongest: a sentence that combines values carries the weakest.
STATUS_ORDER = ("generated", "documented", "imported", "provisional", "official")


def weakest_status(statuses: object) -> str:
    """The weakest of the statuses given (official when none)."""
    present = {str(s) for s in statuses if isinstance(s, str)}  # type: ignore[attr-defined]
    return next((status for status in STATUS_ORDER if status in present), "official")


def status_clause(statuses: object, labels: dict[str, str]) -> str:
    """' (status: gegenereerd)' when a combined statement rests on anything but official
    figures, naming the weakest part; '' for official figures only."""
    weakest = weakest_status(statuses)
    if weakest == "official":
        return ""
    return (
        f" (status van dit cijfer: {labels.get(weakest, weakest).lower()}, de zwakste van de delen)"
    )


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


def _series_of(frame: pd.DataFrame) -> pd.Series:
    """Each row's series key (the source when the query gives no series)."""
    column = "source_series" if "source_series" in frame else "source_id"
    if column not in frame:
        return pd.Series("", index=frame.index)
    return frame[column].fillna("")


def trend_sentence(
    series: pd.DataFrame, level: str, *, name: str, decimals: int, in_points: bool = False
) -> str:
    """`level` ({year}, {value}, {name}) for the last known year, plus the change since the first
    year of the same series (and the break, if the period crosses one).

    E.g. "In 2022 kregen 311 jongeren in Woudenberg jeugdhulp, 16% minder dan in 2019."
    """
    known = series.dropna(subset=["value"]).sort_values("year")
    if known.empty:
        return f"Voor {name} zijn in deze periode geen (openbare) cijfers."
    last = known.iloc[-1]
    sentence = level.format(
        year=int(last["year"]), value=format_number(last["value"], decimals), name=name
    )
    marker = (
        f" ({SAMPLE_BADGE.lower()})"
        if "status" in known and (known["status"] == "generated").any()
        else ""
    )
    keys = _series_of(known)
    current = known[keys == keys.iloc[-1]]
    first = current.iloc[0]
    broke = len(current) < len(known)
    note = (
        f" Eerdere jaren zijn niet te vergelijken: daar telt de bron anders (een breuk in de"
        f" reeks vóór {int(first['year'])})."
        if broke
        else ""
    )
    if int(first["year"]) == int(last["year"]):
        return f"{sentence}{marker}.{note}"
    change = describe_change(
        float(last["value"]), float(first["value"]), in_points=in_points, decimals=decimals
    )
    return f"{sentence}, {change} dan in {int(first['year'])}{marker}.{note}"
