-- Grain: one row per milestone of a practice case, dated at the document's precision: a
-- year-only date sits mid-year (year_fraction = year + 0.5), a month date mid-month.
with

milestones as (
    select * from staging.stg_case_milestones
),

final as (
    select
        case_id,
        position,
        date_text,
        year,
        month,
        year + coalesce(month - 0.5, 6) / 12.0 as year_fraction,
        month is null as is_year_only,
        description,
        marks_start,
        ref,
        note
    from milestones
)

select * from final
