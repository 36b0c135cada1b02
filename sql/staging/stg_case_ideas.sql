-- Grain: one row per aim in a practice case's basic idea (raw.case_ideas).
select
    case_id,
    cast(position as integer) as position,
    idea,
    ref,
    nullif(note, '') as note
from raw.case_ideas
