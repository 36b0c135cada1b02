-- Grain: one row per milestone of a practice case, dated at the document's precision.
-- Year-only milestones are placed mid-year (month null) on the shared timeline.
with

milestones as (
    select * from staging.stg_case_milestones
),

cases as (
    select * from core.dim_case
),

final as (
    select
        milestones.case_id,
        cases.case_name,
        milestones.position,
        milestones.date_text,
        milestones.year,
        milestones.month,
        milestones.year + coalesce(milestones.month - 0.5, 6) / 12.0 as year_fraction,
        milestones.month is null as is_year_only,
        milestones.description,
        milestones.marks_start,
        cases.source_id,
        cases.is_demo
    from milestones
    inner join cases on milestones.case_id = cases.case_id
)

select * from final
