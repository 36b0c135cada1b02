"""Which year a headline card shows, and in plain Dutch why a later (or any) year has no number.

A card shows the latest year up to the selected one that has a number, preferring a real one
over a generated one, and says which year that is. Where the selected year has no number the
card names the reason: the shipped extract stops before it (the publisher does have it), no
public source exists (import the registration), or the publisher left the cell empty.
"""

from __future__ import annotations

import pandas as pd

TRUNCATED = (
    "{publisher} publiceert dit cijfer over {years} wel (tabel {tables}), maar het meegeleverde "
    "extract stopt eerder: het openbare bestand waaruit het komt, is na 10.000 rijen afgekapt. "
    "De volledige tabel staat op CBS StatLine."
)
SURVEY = (
    "De Gezondheidsmonitor meet dit eens in de vier jaar; de laatste meting voor {name} in deze "
    "publicatie is van {shown}."
)
NO_PUBLIC_SOURCE = (
    "Hiervoor bestaat geen openbare bron. De coöperatie of gemeente kan haar eigen registratie "
    "importeren met het sjabloon {template} (zie Gegevens)."
)
INCOMPLETE = (
    "{publisher} leverde over {years} niet alle delen van het totaal aan (ontbreekt: {detail}); "
    "een gedeeltelijke som tonen we niet als totaal."
)
NOT_PUBLISHED = "De bron publiceerde voor {name} over {year} geen cijfer."
NOT_YET = "De bron heeft voor {name} (nog) geen cijfer over {year}."


def shown_year(trend: pd.DataFrame, selected: int) -> int | None:
    """The latest year up to `selected` with a number; real numbers before generated ones."""
    known = trend[(trend["year"] <= selected) & trend["value"].notna()]
    real = known[~known["is_demo"].astype(bool)]
    pool = real if len(real) else known
    return int(pool["year"].max()) if len(pool) else None


def year_span(years: list[int]) -> str:
    """'2019', '2019 en 2020' or '2019 tot en met 2023' (consecutive years)."""
    years = sorted(set(years))
    if len(years) == 1:
        return str(years[0])
    if years == list(range(years[0], years[-1] + 1)) and len(years) > 2:
        return f"{years[0]} tot en met {years[-1]}"
    return ", ".join(map(str, years[:-1])) + f" en {years[-1]}"


def missing_note(
    definition: dict,
    trend: pd.DataFrame,
    gaps: pd.DataFrame,
    *,
    shown: int | None,
    selected: int,
    name: str,
) -> str | None:
    """Why the card does not show the selected year (None when it does)."""
    if shown == selected:
        return None
    after = shown or 0
    later = gaps[
        (gaps["indicator"] == definition["indicator"])
        & (gaps["year"] > after)
        & (gaps["year"] <= selected)
    ]
    incomplete = later[later["reason"] == "incomplete"]
    if len(incomplete):
        return INCOMPLETE.format(
            publisher=incomplete["source_publisher"].iloc[0] or "De leverancier",
            years=year_span(incomplete["year"].tolist()),
            detail=incomplete["detail_nl"].iloc[0],
        )
    cut = later[later["reason"] == "truncated"]
    if len(cut):
        return TRUNCATED.format(
            publisher=cut["source_publisher"].iloc[0] or "De bron",
            years=year_span(cut["year"].tolist()),
            tables=", ".join(dict.fromkeys(cut["table_id"])),
        )
    if shown and definition.get("series_kind") == "survey":
        return SURVEY.format(name=name, shown=shown)
    if not definition.get("has_public_source"):
        return NO_PUBLIC_SOURCE.format(template=definition.get("import_template") or "")
    selected_rows = trend[trend["year"] == selected]
    if len(selected_rows):
        return NOT_PUBLISHED.format(name=name, year=selected)
    return NOT_YET.format(name=name, year=selected)
