-- Grain: one row per indicator per municipality per year without a value in this release
-- because the shipped extract of a truncated public file stops before it (the publisher has
-- it; a fetch loads it). Cells another source has filled since are not gaps.
with

gaps as (
    select * from core.fct_extract_gap
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
        gaps.table_id,
        gaps.source_id,
        false as is_demo,
        sources.publisher as source_publisher,
        sources.title as source_title
    from gaps
    left join sources on gaps.source_id = sources.source_id
    where not exists (
        select 1
        from observations
        where observations.indicator = gaps.indicator
            and observations.municipality_code = gaps.municipality_code
            and observations.year = gaps.year
            and observations.value is not null
    )
)

select * from final
