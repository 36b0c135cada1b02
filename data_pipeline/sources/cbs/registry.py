"""The CBS / RIVM StatLine tables the pipeline reads, declared in one place, as families.

CBS and RIVM publish a table in editions under new ids (the health monitor: 50090NED, 50120NED,
50150NED; youth care: 84134NED up to 2020, 85099NED from 2021). An entry names the family; the
pipeline reads, per year, the newest edition that has the year. Everything is resolved by title
from each edition's own metadata, because keys change between editions:
- the measure (`Vrijwilligerswerk_33` in one edition is `_31` in another),
- the value of every filtered dimension ("Totaal mannen en vrouwen"),
- the breakdown's categories (by key where CBS keeps it, else by title).
A table with a dimension that is neither the region, the period, the breakdown nor filtered is
refused with a message naming it: unfiltered, its values would be added up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

HOSTS = {
    "opendata": "https://opendata.cbs.nl/ODataApi/odata",
    "dataderden": "https://dataderden.cbs.nl/ODataApi/odata",
}


@dataclass(frozen=True)
class TableFamily:
    """One StatLine table in all its editions: what to read and how to map it."""

    key: str
    editions: tuple[str, ...]  # table ids, oldest first; the newest edition with a year wins
    indicator: str
    measure_title: str
    host: str = "opendata"
    category_dimension: str | None = None  # None: the one dimension not filtered (if any)
    category_map: dict[str, str] = field(default_factory=dict)  # CBS key or title -> ours
    filters: dict[str, str] = field(default_factory=dict)  # dimension -> title of the value
    scale: float = 1.0
    publisher: str = "CBS"
    # Consistency checks of a summed category: the table's own group (title) must equal the
    # sum of these member titles, e.g. {"0 tot 5 jaar": ("0 jaar", ..., "4 jaar")}.
    group_checks: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def url(self, table_id: str, roots: Mapping[str, str] = HOSTS) -> str:
        """The OData v3 root of one edition on its host (or a stand-in for it)."""
        return f"{roots[self.host].rstrip('/')}/{table_id}"


YOUTH_CARE_FORMS = {
    "Totaal jeugdzorg": "total",  # jeugdhulp, jeugdbescherming and jeugdreclassering together
    "A042503": "without_accommodation",
    "A027918": "with_accommodation",
    "Pleegzorg": "foster_care",  # key unconfirmed in DATA_SOURCES.md: matched by title
    "A027919": "child_protection",
    "A027920": "juvenile_probation",
}

REFERRERS = {
    "Totaal": "total",
    "Gemeentelijke toegang": "access_team",
    "Huisarts": "gp",
    "Jeugdarts": "youth_doctor",
    "Gecertificeerde instelling": "certified_institution",
    "Medisch specialist": "medical_specialist",
    "Rechter, Officier van Justitie": "other_none",
    "Rechter/OvJ": "other_none",
    "Geen verwijzer": "other_none",
    "Verwijzer onbekend": "other_none",
}

SPEND_CATEGORIES = {
    "Totaal jeugdzorg": "total",
    "Jeugdhulp zonder verblijf": "without_accommodation",
    "Jeugdhulp met verblijf": "with_accommodation",
    "Jeugdbescherming": "protection_probation",
    "Jeugdreclassering": "protection_probation",
}

SINGLE_YEARS = tuple(f"{age} jaar" for age in range(18))  # 0 jaar .. 17 jaar
POPULATION_FILTERS = {
    "Geslacht": "Totaal mannen en vrouwen",
    "BurgerlijkeStaat": "Totaal burgerlijke staat",
}

TABLES: tuple[TableFamily, ...] = (
    TableFamily(
        "cbs_youth_care",
        ("84134NED", "85099NED"),
        "youth_care_clients",
        "Jongeren met jeugdzorg",
        category_map=YOUTH_CARE_FORMS,
    ),
    TableFamily(
        "cbs_referrers",
        ("85097NED",),
        "youth_care_trajectories",
        "Begonnen jeugdhulptrajecten",
        category_map=REFERRERS,
    ),
    TableFamily(
        "cbs_youth_care_spend",
        ("83454NED",),
        "youth_spend_eur",
        "Gerealiseerde kosten",
        category_map=SPEND_CATEGORIES,
        scale=1000.0,
    ),
    TableFamily(
        "rivm_volunteering",
        ("50090NED", "50120NED", "50150NED"),
        "adults_volunteering_pct",
        "Vrijwilligerswerk",
        host="dataderden",
        filters={"Leeftijd": "18 jaar of ouder", "Marges": "Waarde"},
        publisher="RIVM/CBS",
    ),
    TableFamily(
        "cbs_population",
        ("03759ned",),
        "population",
        "Bevolking op 1 januari",
        filters={**POPULATION_FILTERS, "Leeftijd": "Totaal leeftijd"},
    ),
    TableFamily(
        "cbs_youth_population",
        ("03759ned",),
        "youth_population",
        "Bevolking op 1 januari",
        category_dimension="Leeftijd",
        category_map=dict.fromkeys(SINGLE_YEARS, "total"),  # summed: 0 to 17 years
        filters=POPULATION_FILTERS,
        group_checks={
            "0 tot 5 jaar": SINGLE_YEARS[0:5],
            "5 tot 10 jaar": SINGLE_YEARS[5:10],
            "10 tot 15 jaar": SINGLE_YEARS[10:15],
        },
    ),
)


def tables(only: set[str] | None = None) -> tuple[TableFamily, ...]:
    """The registered families, or those whose key or one of whose table ids is in `only`."""
    if not only:
        return TABLES
    chosen = tuple(t for t in TABLES if t.key in only or set(t.editions) & only)
    known = {t.key for t in chosen} | {e for t in chosen for e in t.editions}
    unknown = only - known
    if unknown:
        names = ", ".join(t.key for t in TABLES)
        raise KeyError(f"unknown table(s) {sorted(unknown)}; known: {names}")
    return chosen


def table_ids(families: tuple[TableFamily, ...]) -> list[str]:
    """Every edition id of the families, each once, in registry order."""
    return list(dict.fromkeys(e for family in families for e in family.editions))
