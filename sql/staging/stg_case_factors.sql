-- Grain: one row per promoting or hindering factor of a practice case (raw.case_factors).
select
    case_id,
    factor_id,
    cast(position as integer) as position,
    kind,
    description,
    ref,
    nullif(note, '') as note
from raw.case_factors
