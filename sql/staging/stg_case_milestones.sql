-- Grain: one row per milestone of a practice case (raw.case_milestones, validated by the loader).
select
    case_id,
    cast(position as integer) as position,
    date_text,
    cast(year as integer) as year,
    cast(month as integer) as month,
    description,
    cast(marks_start as boolean) as marks_start,
    ref,
    nullif(note, '') as note
from raw.case_milestones
