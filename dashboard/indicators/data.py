"""Everything one render of an indicator page reads, asked of one release, each query once."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.figures.trend import Event
from dashboard.indicators.catalogue import Indicator
from dashboard.indicators.groups import GroupIndex
from dashboard.indicators.state import NATIONAL, ViewState
from dashboard.store import queries
from dashboard.store.db import Release


@dataclass(frozen=True)
class PageData:
    """The chosen measure for the region and the country, the group's bands, and context."""

    series: pd.DataFrame  # the region and the Netherlands, every category
    bands: pd.DataFrame  # the comparison group, every category
    documented: pd.DataFrame  # figures source documents state, with their own definitions
    events: list[Event]
    status_labels: dict[str, str]
    gaps: pd.DataFrame  # years the shipped extract does not reach for the region

    def own(self, code: str, category: str | None = None) -> pd.DataFrame:
        """The region's rows (of one category, if given)."""
        rows = self.series[self.series["municipality_code"] == code]
        return rows if category is None else rows[rows["category"] == category]

    def national(self, category: str) -> pd.DataFrame:
        """The Netherlands' rows of one category."""
        rows = self.series[self.series["municipality_code"] == NATIONAL]
        return rows[rows["category"] == category]

    def group_figure(self, code: str | None, category: str) -> pd.DataFrame:
        """The publisher's own figure for the group's region (a province, a youth-care region)."""
        rows = self.series[self.series["municipality_code"] == code]
        return rows[rows["category"] == category]

    def band(self, category: str) -> pd.DataFrame:
        """The comparison band of one category."""
        return self.bands[self.bands["category"] == category]


def load_page_data(release: Release, indicator: Indicator, state: ViewState) -> PageData:
    """Read the page's data: one series query, one band query, documents, events, labels."""
    measure = state.measure.measure
    codes = [state.code] if state.code == NATIONAL else [state.code, NATIONAL]
    if state.group.region_code and state.group.region_code not in codes:
        codes.append(state.group.region_code)  # the publisher's own figure for the group
    series = queries.indicator_series(release, indicator.indicator, measure, codes, state.period)
    group = state.group
    selection = [] if group.kind else list(group.members)
    bands = queries.comparison_bands(
        release, indicator.indicator, measure, (group.kind, group.code, selection), state.period
    )
    if not state.measure.comparable:
        bands = bands.iloc[0:0]
        series = series[series["municipality_code"] == state.code]
    return PageData(
        series=series,
        bands=bands,
        documented=queries.documented_figures(release, state.code, indicator.indicator),
        events=case_events(release, state.code, state.period),
        status_labels=queries.vocabulary(release).get("status", {}),
        gaps=queries.indicator_gaps(release, state.code),
    )


def case_events(release: Release, code: str, period: tuple[int, int]) -> list[Event]:
    """Dated events for trend annotations: milestones of this municipality's cases."""
    events = []
    for row in queries.case_events(release, code).itertuples(index=False):
        if not period[0] <= row.year <= period[1]:
            continue
        month = None if pd.isna(row.month) else int(row.month)
        position = row.year + ((month - 1) / 12 if month else 0.5)
        label = (
            f"Start {row.case_name} ({row.date_text})"
            if row.marks_start
            else f"{row.date_text}: {_short(row.description)}"
        )
        events.append(Event(position, label))
    return sorted(events, key=lambda event: event.year)  # numbered in time order


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


def group_index(release: Release) -> GroupIndex:
    """The release's comparison groups, indexed once per release (groups.GroupIndex)."""
    return release.derived("group_index", lambda: GroupIndex(queries.group_memberships(release)))
