"""One typed function per sql/queries/*.sql file: the app's whole read side.

Every function reads one `Release`, so a page that passes the same release to all its queries
shows one published version from start to end.
"""

from __future__ import annotations

import pandas as pd

from dashboard.store.db import Release


def store_info(release: Release) -> dict[str, object]:
    """Build time, release id and coverage of a release."""
    rows = release.query("store_info").to_dict("records")
    return rows[0] if rows else {}


def regions_with_data(release: Release) -> pd.DataFrame:
    """Regions that have data, for the municipality controls."""
    return release.query("regions_with_data")


def region_years(release: Release) -> dict[str, list[int]]:
    """Per region code, the years with at least one observation, ascending."""
    frame = release.query("region_years")
    return {
        code: [int(year) for year in years]
        for code, years in zip(frame["municipality_code"], frame["years"], strict=True)
    }


def measure_catalogue(release: Release) -> pd.DataFrame:
    """Every measure of every indicator with the indicator's labels (the catalogue)."""
    return release.query("measure_catalogue")


def vocabulary(release: Release) -> dict[str, dict[str, str]]:
    """Dutch labels per vocabulary: {'status': {'generated': 'Gegenereerd', ...}, ...}."""
    frame = release.query("vocabulary")
    labels: dict[str, dict[str, str]] = {}
    for row in frame.itertuples(index=False):
        labels.setdefault(row.vocabulary, {})[row.code] = row.label_nl
    return labels


def vocabulary_rows(release: Release, name: str) -> pd.DataFrame:
    """The codes of one vocabulary with labels and descriptions, in order."""
    frame = release.query("vocabulary")
    return frame[frame["vocabulary"] == name].reset_index(drop=True)


def kpi_definitions(release: Release) -> pd.DataFrame:
    """Every headline KPI in card order, with its indicator's public source and template."""
    return release.query("kpi_definitions")


def kpi_headlines(release: Release, municipality_code: str) -> pd.DataFrame:
    """The headline KPIs for every year of one region, with changes, status and source ids."""
    return release.query("kpi_headlines", municipality_code=municipality_code)


def indicator_gaps(release: Release, municipality_code: str) -> pd.DataFrame:
    """Years per indicator that the shipped extract does not reach for one region."""
    return release.query("indicator_gaps", municipality_code=municipality_code)


def sources(release: Release) -> pd.DataFrame:
    """Every source of the release (publisher, title, reference, dates, licence)."""
    return release.query("sources")


def sources_by_id(release: Release, source_ids: list[str]) -> pd.DataFrame:
    """Source records for the given ids (publisher, title, reference, dates, licence)."""
    return release.query("sources_by_id", source_ids=sorted(set(source_ids)))


def indicator_series(
    release: Release, indicator: str, measure: str, codes: list[str], years: tuple[int, int]
) -> pd.DataFrame:
    """One measure of an indicator, every category, for the given regions and years."""
    return release.query(
        "indicator_series",
        indicator=indicator,
        measure=measure,
        codes=codes,
        first_year=years[0],
        last_year=years[1],
    )


def comparison_bands(
    release: Release,
    indicator: str,
    measure: str,
    group: tuple[str | None, str | None, list[str]],
    years: tuple[int, int],
) -> pd.DataFrame:
    """Per year and category: p25, median and p75 of a measure across a comparison group.

    `group`: (kind, code, codes): a named group's members follow each year's classification;
    an own selection is the list of codes.
    """
    kind, code, codes = group
    return release.query(
        "comparison_bands",
        indicator=indicator,
        measure=measure,
        group_kind=kind or "",
        group_code=code or "",
        codes=codes,
        first_year=years[0],
        last_year=years[1],
    )


def group_memberships(release: Release) -> pd.DataFrame:
    """Every group of every municipality per year, with names and the group's own region."""
    return release.query("group_memberships")


def documented_figures(release: Release, municipality_code: str, indicator: str) -> pd.DataFrame:
    """Figures the source documents state for this municipality and indicator, with source."""
    return release.query(
        "documented_figures", municipality_code=municipality_code, indicator=indicator
    )


def source_coverage(release: Release) -> pd.DataFrame:
    """Every source with the years, regions and indicators it covers and its status."""
    return release.query("source_coverage")


def case_overview(release: Release, case_id: str | None = None) -> pd.DataFrame:
    """Card fields of every practice case, or of one."""
    return release.query("case_overview", case_id=case_id)


def case_timeline(release: Release, case_id: str | None = None) -> pd.DataFrame:
    """Milestones of every case (or one), in date order."""
    return release.query("case_timeline", case_id=case_id)


def case_ladder(release: Release, case_id: str | None = None) -> pd.DataFrame:
    """Government-participation ladder positions of every case (or one), with shifts."""
    return release.query("case_ladder", case_id=case_id)


def case_factor_matrix(release: Release) -> pd.DataFrame:
    """Key-factor themes x cases, counted per kind (promoting, hindering)."""
    return release.query("case_factor_matrix")


def case_panels(release: Release, case_id: str) -> pd.DataFrame:
    """Items of one case's panels: ideas, actors, factors and key figures."""
    return release.query("case_panels", case_id=case_id)


def case_events(release: Release, municipality_code: str) -> pd.DataFrame:
    """Dated milestones of the cases in a municipality, the marked start among them."""
    return release.query("case_events", municipality_code=municipality_code)


def all_categories(release: Release) -> pd.DataFrame:
    """Every indicator's categories, in order, with Dutch labels."""
    return release.query("categories")


def categories(release: Release, indicator: str) -> pd.DataFrame:
    """The categories of one indicator (the total first), with Dutch labels."""
    frame = release.query("categories")
    return frame[frame["indicator"] == indicator].reset_index(drop=True)


def documents(release: Release) -> pd.DataFrame:
    """The source documents, by their three-digit number: title, publisher, date."""
    return release.query("documents")


def release_history(release: Release) -> pd.DataFrame:
    """Every release this one knows of, newest first, with the number of cells it changed."""
    return release.query("release_history")


def release_changes(release: Release) -> pd.DataFrame:
    """What this release changed against the one before it, per indicator and kind of change."""
    return release.query("release_changes")
