-- Used by pages/kerncijfers.py: every headline KPI, in order, with what a card needs to say
-- about it when a region has no number (is there a public source, which import template).
select
    kpi.kpi,
    kpi.title_nl,
    kpi.short_title_nl,
    kpi.unit_nl,
    kpi.definition_nl,
    kpi.higher_is_better,
    kpi.rate_measure,
    kpi.reference_indicator,
    kpi.sort_order,
    kpi.indicator,
    kpi.indicator_label,
    kpi.has_public_source,
    kpi.import_template,
    kpi.series_kind,
    kpi.value_decimals,
    kpi.rate_unit,
    kpi.rate_decimals,
    kpi.reference_label
from marts.mart_kpi_catalogue as kpi
order by kpi.sort_order
