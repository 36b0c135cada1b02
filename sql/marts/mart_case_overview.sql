-- Grain: one row per practice case: what its card on /casussen shows.
with

cases as (
    select * from core.dim_case
),

themes as (
    select case_id, list(theme order by theme) as themes
    from staging.stg_case_themes
    group by case_id
),

ladder as (
    select case_id, list(step order by step_rank) as ladder_steps
    from staging.stg_case_ladder
    where is_overall
    group by case_id
),

final as (
    select
        cases.case_id,
        cases.case_name,
        cases.municipality_code,
        cases.municipality_label,
        cases.neighbourhood,
        cases.province_name,
        cases.period_start_year,
        cases.period_end_year,
        cases.start_date,
        cases.start_year,
        cases.start_month,
        cases.phase,
        cases.summary,
        cases.government_description,
        cases.document,
        cases.section,
        cases.line_first,
        cases.line_last,
        cases.reading_notes,
        coalesce(themes.themes, []) as themes,
        coalesce(ladder.ladder_steps, []) as ladder_steps,
        cases.source_id,
        cases.is_demo
    from cases
    left join themes on cases.case_id = themes.case_id
    left join ladder on cases.case_id = ladder.case_id
)

select * from final
