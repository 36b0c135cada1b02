-- Grain: one row per indicator per measure, with the indicator's unit and direction.
with

measures as (
    select * from staging.stg_measures
),

indicators as (
    select * from staging.stg_indicators
),

final as (
    select
        measures.*,
        indicators.value_kind,
        indicators.higher_is_better,
        measures.denominator_indicator is null and measures.value_indicator is null
            as is_as_published
    from measures
    inner join indicators on measures.indicator = indicators.indicator
)

select * from final
