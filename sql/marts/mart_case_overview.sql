-- Grain: one row per practice case: what its card on /casussen and its page header show.
-- Ladder steps come as lists: overall_steps (the case as a whole), current_steps (latest
-- dated position, else the whole case) and ladder_steps (every step the case ever took).
with

cases as (
    select * from core.dim_case
),

themes as (
    select
        case_id,
        list(theme order by theme) as themes
    from core.fct_case_theme
    group by case_id
),

ladder as (
    select * from core.fct_case_ladder
),

distinct_steps as (
    select distinct
        case_id,
        step,
        step_rank
    from ladder
),

every_step as (
    select
        case_id,
        list(step order by step_rank) as ladder_steps
    from distinct_steps
    group by case_id
),

steps as (
    select
        ladder.case_id,
        list(ladder.step order by ladder.step_rank) filter (where ladder.is_overall)
            as overall_steps,
        list(ladder.step order by ladder.step_rank) filter (where ladder.is_current)
            as current_steps,
        max(ladder.period) > 0 as has_role_shift
    from ladder
    group by ladder.case_id
),

final as (
    select
        cases.case_id,
        cases.case_name,
        cases.municipality_code,
        cases.municipality_name,
        cases.neighbourhood,
        cases.province_name,
        cases.period_start_year,
        cases.period_end_year,
        cases.start_date,
        cases.start_year,
        cases.start_month,
        cases.has_marked_start,
        cases.phase,
        cases.phase_ref,
        cases.summary,
        cases.government_description,
        cases.government_ref,
        cases.document,
        cases.section,
        cases.line_first,
        cases.line_last,
        cases.reading_notes,
        coalesce(themes.themes, []) as themes,
        coalesce(steps.overall_steps, []) as overall_steps,
        coalesce(steps.current_steps, []) as current_steps,
        coalesce(every_step.ladder_steps, []) as ladder_steps,
        coalesce(steps.has_role_shift, false) as has_role_shift,
        cases.source_id,
        cases.is_demo
    from cases
    left join themes on cases.case_id = themes.case_id
    left join steps on cases.case_id = steps.case_id
    left join every_step on cases.case_id = every_step.case_id
)

select * from final
