-- Grain: one row per indicator per category, with whether the indicator counts people.
with

categories as (
    select * from staging.stg_categories
),

indicators as (
    select * from staging.stg_indicators
),

final as (
    select
        categories.*,
        indicators.is_people_count
    from categories
    inner join indicators on categories.indicator = indicators.indicator
)

select * from final
