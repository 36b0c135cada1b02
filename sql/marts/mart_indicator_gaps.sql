-- Grain: one row per indicator per region per year per source without a value in this
-- release because the source stops before it (a truncated public file) or because a total
-- lacks parts of its definition (an import: the missing parts are named). Cells another source
-- has filled since are not gaps.
with

gaps as (
    select * from core.fct_coverage_gap
),

observations as (
    select * from core.fct_observation
),

sources as (
    select * from core.dim_source
),

final as (
    select
        gaps.indicator,
        gaps.municipality_code,
        gaps.year,
        gaps.reason,
        gaps.detail_nl,
        sources.reference as table_id,
        gaps.source_id,
        false as is_demo,
        sources.publisher as source_publisher,
        sources.title as source_title
    from gaps
    left join sources on gaps.source_id = sources.source_id
    where not exists (
        select 1
        from observations
        where
            observations.indicator = gaps.indicator
            and observations.municipality_code = gaps.municipality_code
            and observations.year = gaps.year
            and observations.category = 'total'
            and observations.value is not null
    )
)

select * from final
