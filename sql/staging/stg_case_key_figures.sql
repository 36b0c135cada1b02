-- Grain: one row per number a case's document states (raw.case_key_figures).
select
    case_id,
    cast(position as integer) as position,
    label,
    cast(value as double) as value,
    nullif(unit, '') as unit,
    cast(year as integer) as year,
    nullif(note, '') as note,
    ref
from raw.case_key_figures
