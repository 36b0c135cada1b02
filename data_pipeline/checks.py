"""Data tests run on a freshly built store before it may be published.

Each check is a query returning offending rows; an empty result passes. Kept as data keyed by
model, like dbt's schema.yml, so a new mart gets its tests next to the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from data_pipeline.suppression import Earlier, exposed, relations_of


@dataclass(frozen=True)
class Check:
    """One data test: a name, the model it guards and a query for offending rows."""

    model: str
    name: str
    offending_rows_sql: str


# Marts of the catalogue and the build itself: no numbers from a source, so no source columns.
REFERENCE_MARTS = (
    "mart_store_info",
    "mart_category",
    "mart_document",
    "mart_vocabulary",
    "mart_measure_catalogue",
    "mart_kpi_catalogue",
    "mart_region",
)


def _unique(model: str, keys: str) -> Check:
    return Check(
        model,
        f"unique ({keys})",
        f"select {keys}, count(*) as n from {model} group by all having count(*) > 1",
    )


def _not_null(model: str, column: str) -> Check:
    return Check(model, f"not null {column}", f"select * from {model} where {column} is null")


CHECKS: list[Check] = [
    _unique("core.fct_observation", "indicator, municipality_code, year, category"),
    _unique("core.dim_source", "source_id"),
    _unique("core.dim_municipality", "municipality_code"),
    _unique("marts.mart_kpi_headline", "municipality_code, year, kpi"),
    _unique(
        "marts.mart_indicator_measure", "indicator, municipality_code, year, category, measure"
    ),
    *[_not_null("core.fct_observation", c) for c in ("source_id", "is_demo", "is_suppressed")],
    Check(
        "core.fct_observation",
        "accepted indicator and category",
        "select distinct f.indicator, f.category from core.fct_observation f "
        "anti join core.dim_category c using (indicator, category)",
    ),
    Check(
        "core.fct_observation",
        "known region",
        "select distinct municipality_code from core.fct_observation "
        "anti join core.dim_municipality using (municipality_code)",
    ),
    Check(
        "core.fct_observation",
        "source exists",
        "select distinct source_id from core.fct_observation "
        "anti join core.dim_source using (source_id)",
    ),
    Check(
        "core.fct_observation",
        "demo flag agrees with source",
        "select f.* from core.fct_observation f join core.dim_source s using (source_id) "
        "where f.is_demo <> s.is_demo",
    ),
    Check(
        "core.fct_observation",
        "no count below the threshold unless suppressed",
        "select f.* from core.fct_observation f join core.dim_category c "
        "using (indicator, category) cross join raw.build_info b "
        "where c.is_people_count and not f.is_suppressed "
        "and f.value > 0 and f.value < b.suppression_threshold",
    ),
    Check(
        "core.fct_observation",
        "no breakdown with a single hidden cell (it could be recovered by subtraction)",
        "select indicator, municipality_code, year from core.fct_observation "
        "join core.dim_category using (indicator, category) where is_people_count group by all "
        "having count(*) filter (where value is null) = 1 "
        "and count(*) filter (where is_suppressed) = 1 "
        # a lone total with no published parts has nothing to be subtracted from
        "and count(*) filter (where category <> 'total' and value is not null) > 0",
    ),
    Check(
        "core.fct_observation",
        "one source per breakdown (real and generated values never mix)",
        "select indicator, municipality_code, year from core.fct_observation "
        "group by all having count(distinct source_id) > 1",
    ),
    Check(
        "core.fct_observation",
        "no generated breakdown where a real source delivered one",
        "select distinct f.indicator, f.municipality_code, f.year from core.fct_observation f "
        "join staging.stg_observations o using (indicator, municipality_code, year) "
        "join staging.stg_sources s on o.source_id = s.source_id "
        "where f.is_demo and not s.is_demo",
    ),
    Check(
        "core.fct_observation",
        "cell symbol agrees with the value ('x' suppressed, '.' not published)",
        "select * from core.fct_observation where (value is null) <> (cell_symbol is not null) "
        "or (is_suppressed and cell_symbol <> 'x')",
    ),
    Check(
        "core.fct_observation",
        "a total equals the sum of its parts where the catalogue says the parts add up",
        "with sums as (select f.indicator, f.municipality_code, f.year, "
        "max(f.value) filter (where c.is_total) as total, "
        "sum(f.value) filter (where not c.is_total) as parts, "
        "count(*) filter (where not c.is_total) as part_count, "
        "bool_and(f.value is not null) as complete, bool_or(f.status = 'official') as official "
        "from core.fct_observation f join core.dim_category c using (indicator, category) "
        "join core.dim_indicator i using (indicator) where i.parts_add_up group by all "
        "having count(*) filter (where not c.is_total) > 0) "
        "select * from sums where complete and abs(total - parts) > "
        "case when official then 2.5 * (part_count + 1) else 0.5 end",
    ),
    Check(
        "marts.mart_indicator_measure",
        "a rate is generated when its numerator or denominator is",
        "select m.* from marts.mart_indicator_measure m "
        "join core.dim_source s on m.denominator_source_id = s.source_id "
        "where (s.is_demo or m.is_demo) and m.status <> 'generated'",
    ),
    # Practice cases (data/cases): keys, complete panels, vocabularies, one start per case.
    _unique("core.dim_case", "case_id"),
    _unique("marts.mart_case_overview", "case_id"),
    _unique("marts.mart_case_timeline", "case_id, position"),
    _unique("marts.mart_case_ladder", "case_id, period, step"),
    _unique("marts.mart_case_factor_matrix", "theme, case_id, kind"),
    _unique("marts.mart_case_panels", "case_id, panel, position"),
    Check(
        "marts.mart_case_overview",
        "every case has all six panels",
        "with present as ("
        "select case_id, panel from marts.mart_case_panels "
        "union select case_id, 'mijlpalen' from marts.mart_case_timeline "
        "union select case_id, 'rol_overheid' from marts.mart_case_ladder where is_current "
        "and trim(coalesce(description, '')) <> '') "
        "select o.case_id, p.panel from marts.mart_case_overview o cross join (values "
        "('basisidee'), ('mijlpalen'), ('actoren'), ('rol_overheid'), ('bevorderend'), "
        "('belemmerend')) as p(panel) anti join present using (case_id, panel)",
    ),
    Check(
        "marts.mart_case_ladder",
        "accepted ladder steps, ranked as the vocabulary orders them",
        "select * from marts.mart_case_ladder where (step, step_rank) not in ("
        "select code, sort_order from core.dim_vocabulary where vocabulary = 'ladder_step')",
    ),
    Check(
        "core.fct_case_milestone",
        "at most one milestone marks a case's start",
        "select case_id from core.fct_case_milestone where marks_start "
        "group by case_id having count(*) > 1",
    ),
    Check(
        "core.dim_case",
        "case in a known municipality, with its source",
        "select case_id from core.dim_case where province_name is null or case_id not in "
        "(select substr(source_id, 6) from core.dim_source where source_id like 'case:%')",
    ),
    Check(
        "marts",
        "every mart of numbers carries source and demo columns",
        "select table_name from information_schema.tables t where table_schema = 'marts' "
        f"and table_name not in {REFERENCE_MARTS} and not ("
        "exists (select 1 from information_schema.columns c where c.table_schema = 'marts' "
        "and c.table_name = t.table_name and c.column_name = 'is_demo') and "
        "exists (select 1 from information_schema.columns c where c.table_schema = 'marts' "
        "and c.table_name = t.table_name and c.column_name like 'source_id%'))",
    ),
]


def disclosure_failures(connection: duckdb.DuckDBPyConnection) -> list[str]:
    """The store's hidden cells, re-checked: none may be the lone unknown of a relation."""
    cells = connection.execute(
        "select indicator, municipality_code, year, category, value, is_suppressed "
        "from core.fct_observation join core.dim_category using (indicator, category) "
        "where is_people_count"
    ).fetchall()
    values = {(i, r, int(y), c): (float("nan") if v is None else v) for i, r, y, c, v, _ in cells}
    hidden = {(i, r, int(y), c) for i, r, y, c, _, s in cells if s}
    categories = dict(
        connection.execute(
            "select indicator, list(category order by sort_order) filter (where not is_total) "
            "from core.dim_category where is_people_count group by indicator"
        ).fetchall()
    )
    hierarchy = connection.execute(
        "select parent, year, children from core.int_region_hierarchy"
    ).fetchall()
    earlier = _earlier(connection)
    every = {**dict.fromkeys([*earlier.hidden, *earlier.published], float("nan")), **values}
    lone = exposed(every, relations_of(every, categories, hierarchy), hidden, earlier)
    if lone:
        return [f"core.fct_observation: a hidden cell can be recovered from {lone[0]}"]
    return []


def _earlier(connection: duckdb.DuckDBPyConnection) -> Earlier:
    """What the kept releases hid and published (written by the build), if recorded."""
    try:
        rows = connection.execute(
            "select indicator, municipality_code, year, category, is_hidden from raw.earlier_cells"
        ).fetchall()
    except duckdb.CatalogException:
        return Earlier()
    hidden = frozenset((i, r, int(y), c) for i, r, y, c, h in rows if h)
    published = frozenset((i, r, int(y), c) for i, r, y, c, h in rows if not h)
    return Earlier(hidden, published)


def run_checks(store: Path, checks: list[Check] | None = None) -> list[str]:
    """Run the data tests on a store file; return one line per failing check."""
    failures = []
    with duckdb.connect(str(store), read_only=True) as connection:
        for check in checks if checks is not None else CHECKS:
            rows = connection.execute(f"{check.offending_rows_sql} limit 3").fetchall()
            if rows:
                failures.append(f"{check.model}: {check.name}: e.g. {rows[0]}")
        if checks is None:
            failures += disclosure_failures(connection)
    return failures
