-- Grain: one row per indicator per region per year per category.
-- Values are already suppressed in core (is_suppressed, value null); labels and domains joined.
with

observations as (
    select * from core.fct_observation
),

categories as (
    select * from core.dim_category
),

regions as (
    select * from core.dim_municipality
),

final as (
    select
        observations.indicator,
        observations.municipality_code,
        regions.municipality_name,
        observations.year,
        observations.category,
        categories.label_nl as category_label,
        categories.domain,
        categories.sort_order,
        categories.is_total,
        observations.value,
        observations.is_suppressed,
        observations.is_demo,
        observations.is_provisional,
        observations.source_id
    from observations
    inner join categories
        on observations.indicator = categories.indicator
        and observations.category = categories.category
    inner join regions on observations.municipality_code = regions.municipality_code
)

select * from final
