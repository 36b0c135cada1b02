"""Comparison groups a council can name: CBS's own classification of the year shown.

Pure: the memberships (one row per year, kind of group, group and member) come from the release;
`find_group` picks the group a link asks for, for the municipality and the year shown, with its
members (the municipality itself included) and the region whose own figure the publisher gives
for the whole group (a province, a youth-care region, the Netherlands), if any.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

# URL value -> (kind of group in the store, how the control names it without a municipality)
COMPARISONS: dict[str, tuple[str | None, str]] = {
    "provincie": ("province", "Gemeenten in dezelfde provincie"),
    "jeugdregio": ("youth_care_region", "Gemeenten in dezelfde jeugdregio"),
    "grootte": ("size_class", "Gemeenten van dezelfde grootteklasse (CBS)"),
    "stedelijkheid": ("urbanisation", "Gemeenten met dezelfde stedelijkheid (CBS)"),
    "land": ("country", "Alle gemeenten van Nederland"),
    "selectie": (None, "Eigen selectie"),
}
DEFAULT_COMPARISON = "provincie"


@dataclass(frozen=True)
class Group:
    """A named comparison group in one year."""

    key: str  # the link's value, e.g. 'jeugdregio'
    kind: str | None  # 'youth_care_region'; None for an own selection
    code: str | None  # 'JZ20'
    name: str  # 'jeugdregio Eemland'
    year: int
    members: tuple[str, ...]  # municipality codes, the municipality itself included
    region_code: str | None = None  # the region with the group's own published figure

    @property
    def has_published_figure(self) -> bool:
        """Does the publisher give a figure for the group as a whole (CBS for JZ, PV, NL)?"""
        return self.region_code is not None


def group_name(kind: str | None, label: str) -> str:
    """'provincie Utrecht', 'jeugdregio Eemland', 'gemeenten met 10 000 tot 20 000 inwoners'."""
    if kind == "province":
        return f"provincie {label}"
    if kind == "youth_care_region":
        return f"jeugdregio {label}"
    if kind == "size_class":
        return f"gemeenten met {label}"
    if kind == "urbanisation":
        return f"{label.lower()}e gemeenten" if label.lower().endswith("stedelijk") else label
    if kind == "country":
        return "alle gemeenten van Nederland"
    return label


class GroupIndex:
    """The memberships indexed for `find_group`: built once per release, a lookup per group.

    Filtering the ~20,000 membership rows six times per render (once per kind of group) took
    a tenth of a page's render.
    """

    def __init__(self, memberships: pd.DataFrame) -> None:
        self.years: dict[str, list[int]] = {}
        self.own: dict[tuple[int, str, str], tuple[str, str, str | None]] = {}
        self.members: dict[tuple[int, str, str], list[str]] = {}
        self.names: dict[tuple[int, str], str] = {}  # (year, municipality) -> its name that year
        columns = ["year", "group_kind", "group_code", "group_label", "group_region_code"]
        # plain lists, zipped: itertuples over pandas' string columns took ~90 ms per release
        lists = [memberships[c].tolist() for c in [*columns, "municipality_code"]]
        names = memberships["municipality_name"].tolist()
        for year, kind, group, label, region, code, name in zip(*lists, names, strict=True):
            year, group = int(year), str(group)
            self.names[(year, code)] = name
            region = None if region is None or region != region else str(region)
            self.years.setdefault(code, []).append(year)
            self.own.setdefault((year, kind, code), (group, str(label), region))
            self.members.setdefault((year, kind, group), []).append(code)
        country = [year for (year, kind, _) in self.members if kind == "country"]
        self.country_year = max(country) if country else None

    def same_group(self, year: int, kind: str, codes: tuple[str, ...]) -> list[str]:
        """Every municipality that shares a group of `kind` with any of `codes` in `year`."""
        groups = {self.own[(year, kind, c)][0] for c in codes if (year, kind, c) in self.own}
        return [m for g in sorted(groups) for m in self.members[(year, kind, g)]]

    def nearest_year(self, code: str, year: int) -> int | None:
        """The year whose classification applies: the year itself, else the nearest known."""
        years = self.years.get(code)
        return min(years, key=lambda known: (abs(known - year), known)) if years else None


def find_group(
    memberships: pd.DataFrame | GroupIndex, key: str, code: str, year: int, selection: list[str]
) -> Group:
    """The group `key` of municipality `code` in `year` (its nearest known year)."""
    index = memberships if isinstance(memberships, GroupIndex) else GroupIndex(memberships)
    kind = COMPARISONS[key][0]
    if kind is None:
        members = tuple(dict.fromkeys([code, *selection]))
        return Group(key, None, None, "eigen selectie", year, members)
    shown = index.nearest_year(code, year)
    if shown is None:  # the country or a province: compare with the country's municipalities
        kind, shown = "country", index.country_year if index.country_year is not None else year
        own = next((v for (y, k, _), v in index.own.items() if y == shown and k == kind), None)
    else:
        own = index.own.get((shown, kind, code))
    if own is None:
        return Group(key, kind, None, COMPARISONS[key][1].lower(), year, (code,))
    group_code, label, region = own
    return Group(
        key=key,
        kind=kind,
        code=group_code,
        name=group_name(kind, label),
        year=shown,
        members=tuple(index.members[(shown, kind, group_code)]),
        region_code=region,
    )


def option_label(group: Group) -> str:
    """The control's label for a group: 'Jeugdregio Eemland (7 gemeenten)'."""
    if group.kind is None:
        return "Eigen selectie"
    name = group.name[:1].upper() + group.name[1:]
    return f"{name} ({len(group.members)} gemeenten)"
