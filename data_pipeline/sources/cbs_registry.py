"""The CBS / RIVM StatLine tables the pipeline reads, declared in one place.

Adding a table is one entry. Measures are named by their title (keys like
`JongerenMetJeugdzorg_1` change between tables and editions) and resolved from `DataProperties`
when a table is parsed. Categories map CBS dimension keys (or, failing that, titles) to the
dashboard's categories in data/reference/categories.csv; several CBS categories may map to one
of ours and are then summed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

HOSTS = {
    "opendata": "https://opendata.cbs.nl/ODataApi/odata",
    "dataderden": "https://dataderden.cbs.nl/ODataApi/odata",
}


@dataclass(frozen=True)
class TableSpec:
    """One StatLine table: where it lives, which measure to read and how to map its categories."""

    key: str
    table_id: str
    indicator: str
    measure_title: str
    host: str = "opendata"
    region_dimension: str = "RegioS"
    category_dimension: str | None = None
    category_map: dict[str, str] = field(default_factory=dict)  # CBS key or title -> ours
    fixed_filters: dict[str, str] = field(default_factory=dict)  # dimension -> key
    scale: float = 1.0
    publisher: str = "CBS"

    def url(self, roots: Mapping[str, str] = HOSTS) -> str:
        """The OData v3 root of this table on its host (or a stand-in for it)."""
        return f"{roots[self.host].rstrip('/')}/{self.table_id}"


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

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "cbs_youth_care_2015_2020",
        "84134NED",
        "youth_care_clients",
        "Jongeren met jeugdzorg",
        category_dimension="VormenVanJeugdzorg",
        category_map=YOUTH_CARE_FORMS,
    ),
    TableSpec(
        "cbs_youth_care",
        "85099NED",
        "youth_care_clients",
        "Jongeren met jeugdzorg",
        category_map=YOUTH_CARE_FORMS,
    ),
    TableSpec(
        "cbs_referrers",
        "85097NED",
        "youth_care_trajectories",
        "Begonnen jeugdhulptrajecten",
        category_dimension="VerwijzerJeugdzorg",
        category_map=REFERRERS,
    ),
    TableSpec(
        "cbs_youth_care_spend",
        "83454NED",
        "youth_spend_eur",
        "Gerealiseerde kosten",
        region_dimension="Regio",
        category_dimension="VormenVanJeugdzorg",
        category_map=SPEND_CATEGORIES,
        scale=1000.0,
    ),
    TableSpec(
        "rivm_volunteering",
        "50090NED",
        "adults_volunteering_pct",
        "Vrijwilligerswerk",
        host="dataderden",
        region_dimension="WijkenEnBuurten",
        fixed_filters={"Leeftijd": "20300", "Marges": "MW00000"},
        publisher="RIVM/CBS",
    ),
    TableSpec(
        "cbs_population",
        "03759ned",
        "population",
        "Bevolking op 1 januari",
        fixed_filters={"Geslacht": "T001038", "Leeftijd": "10000"},
        category_map={"10000": "total"},
    ),
)


def tables(only: set[str] | None = None) -> tuple[TableSpec, ...]:
    """The registered tables, or those whose key or table id is in `only`."""
    if not only:
        return TABLES
    chosen = tuple(t for t in TABLES if t.key in only or t.table_id in only)
    unknown = only - {t.key for t in chosen} - {t.table_id for t in chosen}
    if unknown:
        known = ", ".join(t.key for t in TABLES)
        raise KeyError(f"unknown table(s) {sorted(unknown)}; known: {known}")
    return chosen
