-- Used by pages/kerncijfers.py: every headline KPI of one region, all years, with status,
-- sources, the previous year, the baseline and the reference value (the budget).
-- Parameters: $municipality_code.
select
    kpi.kpi,
    kpi.year,
    kpi.value,
    kpi.rate,
    kpi.is_demo,
    kpi.rate_is_demo,
    kpi.is_provisional,
    kpi.is_suppressed,
    kpi.is_series_break,
    kpi.source_ids,
    kpi.rate_source_id,
    kpi.series_keys,
    kpi.previous_year,
    kpi.value_previous_year,
    kpi.previous_is_demo,
    kpi.previous_is_provisional,
    kpi.previous_source_ids,
    kpi.previous_series_keys,
    kpi.baseline_year,
    kpi.baseline_label,
    kpi.value_baseline,
    kpi.baseline_is_demo,
    kpi.baseline_source_ids,
    kpi.baseline_series_keys,
    kpi.baseline_is_provisional,
    kpi.reference_value,
    kpi.reference_is_demo,
    kpi.reference_is_provisional,
    kpi.reference_source_id
from marts.mart_kpi_headline as kpi
inner join core.dim_kpi as definition on kpi.kpi = definition.kpi
where kpi.municipality_code = $municipality_code
order by definition.sort_order, kpi.year
