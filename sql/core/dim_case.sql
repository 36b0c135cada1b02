-- Grain: one row per practice case, with its CBS municipality and province from the reference
-- lists and its start: the milestone marked as start ('YYYY-MM' or 'YYYY'), else period_start.
with

cases as (
    select * from staging.stg_cases
),

municipalities as (
    select * from staging.stg_municipalities
),

provinces as (
    select * from staging.stg_provinces
),

starts as (
    select * from staging.stg_case_milestones
    where marks_start
),

final as (
    select
        cases.case_id,
        cases.case_name,
        cases.municipality_code,
        municipalities.municipality_name,
        municipalities.province_code,
        provinces.province_name,
        cases.neighbourhood,
        cases.period_start_year,
        cases.period_end_year,
        coalesce(starts.date_text, cast(cases.period_start_year as varchar)) as start_date,
        coalesce(starts.year, cases.period_start_year) as start_year,
        starts.month as start_month,
        starts.case_id is not null as has_marked_start,
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
        cases.source_id,
        false as is_demo
    from cases
    inner join municipalities on cases.municipality_code = municipalities.municipality_code
    left join provinces on municipalities.province_code = provinces.province_code
    left join starts on cases.case_id = starts.case_id
)

select * from final
