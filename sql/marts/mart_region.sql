-- Grain: one row per region (country, province, youth-care region, municipality): name, kind,
-- the years it existed, its latest province and size class, its successors if it ended, and
-- the years with at least one published value of an indicator the pages show (a population
-- alone does not make a year).
with

regions as (
    select * from core.dim_municipality
),

observations as (
    select * from core.fct_observation
),

indicators as (
    select * from core.dim_indicator
),

observed as (
    select distinct municipality_code from observations
),

shown_years as (
    select
        observations.municipality_code,
        list(distinct observations.year order by observations.year) as years_with_data
    from observations
    inner join indicators on observations.indicator = indicators.indicator
    where indicators.is_shown_on_pages and observations.value is not null
    group by observations.municipality_code
),

final as (
    select
        regions.*,
        observed.municipality_code is not null as has_observations,
        coalesce(shown_years.years_with_data, []) as years_with_data
    from regions
    left join observed on regions.municipality_code = observed.municipality_code
    left join shown_years on regions.municipality_code = shown_years.municipality_code
)

select * from final
