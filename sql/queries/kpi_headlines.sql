-- Used by pages/kerncijfers.py: every headline KPI of one region, all years, with the KPI's
-- definition. Parameters: $municipality_code.
select
    kpi.kpi,
    definition.title_nl,
    definition.unit_nl,
    definition.definition_nl,
    definition.higher_is_better,
    definition.rate_measure,
    definition.sort_order,
    value_measure.decimals as value_decimals,
    rate_measure.unit_nl as rate_unit,
    rate_measure.decimals as rate_decimals,
    kpi.year,
    kpi.value,
    kpi.rate,
    kpi.is_demo,
    kpi.rate_is_demo,
    kpi.is_provisional,
    kpi.is_suppressed,
    kpi.source_ids,
    kpi.rate_source_id,
    kpi.value_previous_year,
    kpi.previous_is_demo,
    kpi.previous_source_ids,
    kpi.baseline_year,
    kpi.baseline_label,
    kpi.value_baseline,
    kpi.baseline_is_demo,
    kpi.baseline_source_ids
from marts.mart_kpi_headline as kpi
inner join core.dim_kpi as definition on kpi.kpi = definition.kpi
inner join core.dim_measure as value_measure
    on definition.indicators[1] = value_measure.indicator
    and definition.value_measure = value_measure.measure
left join core.dim_measure as rate_measure
    on definition.indicators[1] = rate_measure.indicator
    and definition.rate_measure = rate_measure.measure
where kpi.municipality_code = $municipality_code
order by definition.sort_order, kpi.year
