-- Grain: one row per actor of a practice case (raw.case_actors).
select
    case_id,
    cast(position as integer) as position,
    name as actor_name,
    type as actor_type,
    role as actor_role,
    nullif(description, '') as description,
    ref,
    nullif(note, '') as note
from raw.case_actors
