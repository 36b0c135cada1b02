-- Used by pages/kerncijfers.py: every headline KPI, in order, with what a card needs to say
-- about it when a region has no number (is there a public source, which import template).
select
    definition.kpi,
    definition.title_nl,
    definition.unit_nl,
    definition.definition_nl,
    definition.higher_is_better,
    definition.rate_measure,
    definition.reference_indicator,
    definition.sort_order,
    definition.indicators[1] as indicator,
    indicator.label_nl as indicator_label,
    indicator.has_public_source,
    indicator.import_template,
    indicator.series_kind,
    value_measure.decimals as value_decimals,
    rate_measure.unit_nl as rate_unit,
    rate_measure.decimals as rate_decimals,
    reference.label_nl as reference_label
from core.dim_kpi as definition
inner join core.dim_indicator as indicator on definition.indicators[1] = indicator.indicator
inner join core.dim_measure as value_measure
    on definition.indicators[1] = value_measure.indicator
    and definition.value_measure = value_measure.measure
left join core.dim_measure as rate_measure
    on definition.indicators[1] = rate_measure.indicator
    and definition.rate_measure = rate_measure.measure
left join core.dim_indicator as reference on definition.reference_indicator = reference.indicator
order by definition.sort_order
