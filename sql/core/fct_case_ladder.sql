-- Grain: one row per case per period per ladder step. Period 0 is the case as a whole (its
-- years are the case's period); periods 1..n are the dated shifts of the government's role.
-- is_current marks the latest dated shift, or the case as a whole when no shift is dated.
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
        ladder.period,
        ladder.step,
        ladder.step_rank,
        case when ladder.is_overall then cases.period_start_year else ladder.from_year end
            as from_year,
        case when ladder.is_overall then cases.period_end_year else ladder.to_year end
            as to_year,
        ladder.description,
        ladder.is_overall,
        ladder.is_current,
        ladder.ref,
        ladder.note
    from ladder
    inner join cases on ladder.case_id = cases.case_id
)

select * from final
