-- Grain: one row per milestone of a practice case, dated at the document's precision.
-- Year-only milestones sit mid-year on the shared timeline (is_year_only marks them).
with

milestones as (
    select * from core.fct_case_milestone
),

cases as (
    select * from core.dim_case
),

final as (
    select
        milestones.case_id,
        cases.case_name,
        cases.municipality_code,
        milestones.position,
        milestones.date_text,
        milestones.year,
        milestones.month,
        milestones.year_fraction,
        milestones.is_year_only,
        milestones.description,
        milestones.marks_start,
        milestones.ref,
        milestones.note,
        cases.source_id,
        cases.is_demo
    from milestones
    inner join cases on milestones.case_id = cases.case_id
)

select * from final
