-- Grain: one row per practice case, with its start (the milestone marked as start, else the
-- first year of its period) and its CBS municipality.
with

cases as (
    select * from staging.stg_cases
),

starts as (
    select case_id, date_text, year, month
    from staging.stg_case_milestones
    where marks_start
),

final as (
    select
        cases.*,
        coalesce(starts.date_text, cast(cases.period_start_year as varchar)) as start_date,
        coalesce(starts.year, cases.period_start_year) as start_year,
        starts.month as start_month,
        false as is_demo
    from cases
    left join starts on cases.case_id = starts.case_id
)

select * from final
