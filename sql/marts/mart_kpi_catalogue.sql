-- Grain: one row per headline KPI (the Kerncijfers cards), with what a card needs to say when
-- a region has no number: its indicator's public source, import template and series kind.
with

kpis as (
    select * from core.dim_kpi
),

indicators as (
    select * from core.dim_indicator
),

measures as (
    select * from core.dim_measure
),

final as (
    select
        kpis.kpi,
        kpis.title_nl,
        kpis.short_title_nl,
        kpis.unit_nl,
        kpis.definition_nl,
        kpis.higher_is_better,
        kpis.rate_measure,
        kpis.reference_indicator,
        kpis.sort_order,
        kpis.indicators[1] as indicator,
        indicator.label_nl as indicator_label,
        indicator.has_public_source,
        indicator.import_template,
        indicator.series_kind,
        value_measure.decimals as value_decimals,
        rate_measure.unit_nl as rate_unit,
        rate_measure.decimals as rate_decimals,
        reference.label_nl as reference_label
    from kpis
    inner join indicators as indicator on kpis.indicators[1] = indicator.indicator
    inner join measures as value_measure
        on
            kpis.indicators[1] = value_measure.indicator
            and kpis.value_measure = value_measure.measure
    left join measures as rate_measure
        on
            kpis.indicators[1] = rate_measure.indicator
            and kpis.rate_measure = rate_measure.measure
    left join indicators as reference on kpis.reference_indicator = reference.indicator
)

select * from final
