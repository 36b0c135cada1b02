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


def _membership_year(memberships: pd.DataFrame, code: str, year: int) -> int | None:
    """The year whose classification applies: the year itself, else the nearest one known."""
    years = memberships.loc[memberships["municipality_code"] == code, "year"]
    if years.empty:
        return None
    return int(years.iloc[(years - year).abs().argmin()])


def find_group(
    memberships: pd.DataFrame, key: str, code: str, year: int, selection: list[str]
) -> Group:
    """The group `key` of municipality `code` in `year` (its nearest known year)."""
    kind = COMPARISONS[key][0]
    if kind is None:
        members = tuple(dict.fromkeys([code, *selection]))
        return Group(key, None, None, "eigen selectie", year, members)
    shown = _membership_year(memberships, code, year)
    if shown is None:  # the country or a province: compare with the country's municipalities
        kind, rows = "country", memberships[memberships["group_kind"] == "country"]
        shown = int(rows["year"].max()) if len(rows) else year
        own = rows[rows["year"] == shown].head(1)
    else:
        rows = memberships[(memberships["year"] == shown) & (memberships["group_kind"] == kind)]
        own = rows[rows["municipality_code"] == code]
    if own.empty:
        return Group(key, kind, None, COMPARISONS[key][1].lower(), year, (code,))
    first = own.iloc[0]
    in_group = rows[(rows["year"] == shown) & (rows["group_code"] == first["group_code"])]
    region = first["group_region_code"]
    return Group(
        key=key,
        kind=kind,
        code=str(first["group_code"]),
        name=group_name(kind, str(first["group_label"])),
        year=shown,
        members=tuple(in_group["municipality_code"]),
        region_code=None if pd.isna(region) else str(region),
    )


def option_label(group: Group) -> str:
    """The control's label for a group: 'Jeugdregio Eemland (7 gemeenten)'."""
    if group.kind is None:
        return "Eigen selectie"
    name = group.name[:1].upper() + group.name[1:]
    return f"{name} ({len(group.members)} gemeenten)"
