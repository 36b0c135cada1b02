"""Dutch UI strings and number formats, in one place."""

from __future__ import annotations

import math
from dataclasses import dataclass

APP_NAME = "Sociaal Kompas"
SAMPLE_BADGE = "Voorbeeldgegevens"
SAMPLE_EXPLANATION = (
    "Dit cijfer is (deels) gegenereerd om het dashboard te tonen. Het is geen officieel cijfer."
)
PROVISIONAL_BADGE = "Voorlopig"
SUPPRESSED = "<10"
NO_DATA = "geen gegevens"

IMPORT_TEMPLATES = {  # file in data/templates -> what it is for
    "vrijwilligers.csv": "Vrijwilligers en maatjes (registratie van de coöperatie)",
    "uitgaven.csv": "Uitgaven en begroting per categorie (gemeentelijke administratie)",
}

MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


@dataclass(frozen=True)
class KpiDefinition:
    """What a headline indicator means and how to read its direction."""

    kpi: str
    title: str
    unit: str
    rate_label: str | None
    definition: str
    higher_is_better: bool
    decimals: int = 0
    rate_decimals: int = 1


KPIS: dict[str, KpiDefinition] = {
    definition.kpi: definition
    for definition in (
        KpiDefinition(
            "youth_care_clients",
            "Jongeren met jeugdhulp",
            "jongeren",
            "per 1.000 jongeren",
            "Aantal jongeren tot 18 jaar met jeugdhulp in het jaar, en dat aantal per 1.000 "
            "inwoners van 0 tot en met 17 jaar. Minder is beter: de coöperatie wil hulp eerder "
            "en lichter organiseren.",
            higher_is_better=False,
        ),
        KpiDefinition(
            "gp_referral_share",
            "Verwijzingen door de huisarts",
            "%",
            None,
            "Aandeel van de nieuwe jeugdhulptrajecten waarvoor de huisarts de verwijzer was. "
            "Een lager aandeel betekent dat meer jongeren via de lokale toegang worden geholpen.",
            higher_is_better=False,
            decimals=1,
        ),
        KpiDefinition(
            "youth_spend",
            "Uitgaven specialistische jeugdhulp",
            "euro",
            "per inwoner",
            "Gerealiseerde gemeentelijke uitgaven aan jeugdhulp met en zonder verblijf, "
            "jeugdbescherming en jeugdreclassering, en dat bedrag per inwoner.",
            higher_is_better=False,
            rate_decimals=2,
        ),
        KpiDefinition(
            "volunteers_and_buddies",
            "Vrijwilligers en maatjes",
            "personen",
            None,
            "Actieve vrijwilligers plus maatjes die bij de coöperatie of het lokale "
            "vrijwilligerswerk geregistreerd staan. Meer is beter: een sterkere sociale basis.",
            higher_is_better=True,
        ),
    )
}


def format_number(value: float | None, decimals: int = 0) -> str:
    """Dutch number format: 1.234,5 (thousands dot, decimal comma)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NO_DATA
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_euro(value: float | None, decimals: int = 0) -> str:
    """Euro amount in Dutch style: € 1.234.567."""
    formatted = format_number(value, decimals)
    return formatted if formatted == NO_DATA else f"€ {formatted}"


def format_percent_change(current: float | None, previous: float | None) -> str | None:
    """Relative change as '+4,2%' / '−3,0%', or None when it cannot be computed."""
    if current is None or previous is None or _missing(current) or _missing(previous):
        return None
    if previous == 0:
        return None
    change = 100.0 * (current - previous) / previous
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    return f"{sign}{format_number(abs(change), 1)}%"


def format_point_change(current: float | None, previous: float | None) -> str | None:
    """Change of a percentage in percentage points: '+1,3 procentpunt'."""
    if current is None or previous is None or _missing(current) or _missing(previous):
        return None
    change = current - previous
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    return f"{sign}{format_number(abs(change), 1)} procentpunt"


def format_date(iso: object) -> str:
    """'2023-10-13' or an ISO timestamp -> '13 oktober 2023'; anything else -> 'datum onbekend'."""
    if not isinstance(iso, str) or len(iso) < 10:
        return "datum onbekend"
    year, month, day = iso[:10].split("-")
    return f"{int(day)} {MONTHS_NL[int(month) - 1]} {year}"


def _missing(value: float) -> bool:
    return isinstance(value, float) and math.isnan(value)
