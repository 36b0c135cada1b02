-- Grain: one row per headline KPI, with the direction of its (first) indicator.
with

kpis as (
    select * from staging.stg_kpis
),

indicators as (
    select * from staging.stg_indicators
),

final as (
    select
        kpis.*,
        indicators.higher_is_better,
        indicators.value_kind
    from kpis
    inner join indicators on kpis.indicators[1] = indicators.indicator
)

select * from final
