"""Dutch UI strings and the one Dutch number and date formatter (Babel, locale nl_NL)."""

from __future__ import annotations

import math
from datetime import date
from functools import lru_cache

from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal

LOCALE = "nl_NL"
APP_NAME = "Sociaal Kompas"
SAMPLE_BADGE = "Voorbeeldgegevens"
SAMPLE_EXPLANATION = (
    "Dit cijfer is (deels) gegenereerd om het dashboard te tonen. Het is geen officieel cijfer."
)
PROVISIONAL_BADGE = "Voorlopig"
NO_DATA = "geen gegevens"
SUPPRESSED_SYMBOL = "x"  # CBS's sign for 'geheim': the same for every hidden cell
NOT_PUBLISHED_SYMBOL = "."  # CBS's sign for 'gegevens ontbreken'

IMPORT_TEMPLATES = {  # file in data/templates -> what it is for
    "vrijwilligers.csv": "Vrijwilligers en maatjes (registratie van de coöperatie)",
    "uitgaven.csv": "Uitgaven en begroting per categorie (gemeentelijke administratie)",
}


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


@lru_cache(maxsize=8192)  # Babel parses its pattern on every call; pages format the same numbers
def format_number(value: float | None, decimals: int = 0) -> str:
    """Dutch number format: 1.234,5 (thousands dot, decimal comma)."""
    if value is None or _missing(value):
        return NO_DATA
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def format_euro(value: float | None, decimals: int = 0) -> str:
    """Euro amount in Dutch style: € 1.234.567."""
    formatted = format_number(value, decimals)
    return formatted if formatted == NO_DATA else f"€ {formatted}"


def signed(change: float, text: str) -> str:
    """'+4,2%' / '−3,0%' / '±0' with a real minus sign."""
    return f"{'+' if change > 0 else '−' if change < 0 else '±'}{text}"


RETRIEVED = "opgehaald "  # prefix of a date that is the day a source was read, not published


@lru_cache(maxsize=1024)
def format_date(iso: object) -> str:
    """'2023-10-13', '2023-10' or '2023' (or a timestamp) -> '13 oktober 2023', 'oktober 2023';
    'opgehaald 2025-04-23' (a retrieval date, not the publisher's) -> 'opgehaald 23 april 2025'."""
    if isinstance(iso, str) and iso.startswith(RETRIEVED):
        return RETRIEVED + format_date(iso.removeprefix(RETRIEVED))
    if not isinstance(iso, str) or len(iso) < 4 or not iso[:4].isdigit():
        return "datum onbekend"
    parts = iso[:10].split("-")
    try:
        if len(parts) >= 3:
            return babel_format_date(date(*map(int, parts[:3])), format="long", locale=LOCALE)
        if len(parts) == 2:
            return babel_format_date(date(int(parts[0]), int(parts[1]), 1), "LLLL y", locale=LOCALE)
    except ValueError:
        return "datum onbekend"
    return parts[0]
