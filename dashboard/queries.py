"""One typed function per sql/queries/*.sql file: the app's whole read side."""

from __future__ import annotations

import pandas as pd

from dashboard.db import run_query


def headline_kpis(municipality_code: str) -> pd.DataFrame:
    """The four headline KPIs for every year of one region, with changes and source ids."""
    return run_query("headline_kpis", municipality_code=municipality_code)


def regions_with_data() -> pd.DataFrame:
    """Regions that have data, for the municipality controls."""
    return run_query("regions_with_data")


def available_years(municipality_code: str) -> list[int]:
    """Years with at least one observation for the region, ascending."""
    return [
        int(year)
        for year in run_query("available_years", municipality_code=municipality_code)["year"]
    ]


def sources_by_id(source_ids: list[str]) -> pd.DataFrame:
    """Source records for the given ids (publisher, title, reference, dates, licence)."""
    return run_query("sources_by_id", source_ids=sorted(set(source_ids)))


def store_info() -> dict[str, object]:
    """Build time and coverage of the published store."""
    rows = run_query("store_info").to_dict("records")
    return rows[0] if rows else {}


def indicator_series(
    indicator: str, measure: str, codes: list[str], first_year: int, last_year: int
) -> pd.DataFrame:
    """One measure of an indicator, every category, for the given regions and years."""
    return run_query(
        "indicator_series",
        indicator=indicator,
        measure=measure,
        codes=codes,
        first_year=first_year,
        last_year=last_year,
    )


def comparison_band(
    indicator: str, category: str, measure: str, codes: list[str], first_year: int, last_year: int
) -> pd.DataFrame:
    """Per year: p25, median and p75 of a measure across a comparison group."""
    return run_query(
        "comparison_band",
        indicator=indicator,
        category=category,
        measure=measure,
        codes=codes,
        first_year=first_year,
        last_year=last_year,
    )


def documented_figures(municipality_code: str, indicator: str) -> pd.DataFrame:
    """Figures the source documents state for this municipality and indicator, with source."""
    return run_query("documented_figures", municipality_code=municipality_code, indicator=indicator)


def source_coverage() -> pd.DataFrame:
    """Every source with the years, regions and indicators it covers and its status."""
    return run_query("source_coverage")


def case_overview(case_id: str | None = None) -> pd.DataFrame:
    """Card fields of every practice case, or of one."""
    return run_query("case_overview", case_id=case_id)


def case_timeline(case_id: str | None = None) -> pd.DataFrame:
    """Milestones of every case (or one), in date order."""
    return run_query("case_timeline", case_id=case_id)


def case_ladder(case_id: str | None = None) -> pd.DataFrame:
    """Government-participation ladder positions of every case (or one), with shifts."""
    return run_query("case_ladder", case_id=case_id)


def case_factor_matrix() -> pd.DataFrame:
    """Key-factor themes x cases, counted per kind (promoting, hindering)."""
    return run_query("case_factor_matrix")


def case_panels(case_id: str) -> pd.DataFrame:
    """Items of one case's panels: ideas, actors, factors and key figures."""
    return run_query("case_panels", case_id=case_id)


def case_events(municipality_code: str) -> pd.DataFrame:
    """Dated milestones of the cases in a municipality, the marked start among them."""
    return run_query("case_events", municipality_code=municipality_code)


def case_start_dates(municipality_code: str) -> pd.DataFrame:
    """Start of each case in a municipality: start_date as 'YYYY-MM' or 'YYYY', year, month."""
    return run_query("case_start_dates", municipality_code=municipality_code)
