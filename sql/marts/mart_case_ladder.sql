-- Grain: one row per case per ladder step per period (is_overall: the case's overall position;
-- otherwise a dated position from the role's shifts over time).
with

ladder as (
    select * from staging.stg_case_ladder
),

cases as (
    select * from core.dim_case
),

final as (
    select
        ladder.case_id,
        cases.case_name,
        ladder.step,
        ladder.step_rank,
        cast(ladder.from_year as integer) as from_year,
        cast(ladder.to_year as integer) as to_year,
        ladder.description,
        ladder.is_overall,
        cases.source_id,
        cases.is_demo
    from ladder
    inner join cases on ladder.case_id = cases.case_id
)

select * from final
