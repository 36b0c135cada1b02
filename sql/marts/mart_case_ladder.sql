-- Grain: one row per case per period per ladder step, for the ladder charts: the dated
-- positions of the government's role (is_current: the latest; the others are earlier), or the
-- case as a whole when its file dates no shift (then current, spanning the case's period).
with

ladder as (
    select * from core.fct_case_ladder
),

cases as (
    select * from core.dim_case
),

final as (
    select
        ladder.case_id,
        cases.case_name,
        ladder.period,
        ladder.step,
        ladder.step_rank,
        ladder.from_year,
        ladder.to_year,
        ladder.description,
        ladder.is_current,
        not ladder.is_overall as is_dated,
        ladder.ref,
        cases.source_id,
        cases.is_demo
    from ladder
    inner join cases on ladder.case_id = cases.case_id
    where not ladder.is_overall or ladder.is_current
)

select * from final
