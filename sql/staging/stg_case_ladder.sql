-- Grain: one row per case per period per ladder step (period 0: the case as a whole; 1..n: the
-- dated shifts of the government's role, in time order). From raw.case_ladder.
select
    case_id,
    step,
    cast(step_rank as integer) as step_rank,
    cast(period as integer) as period,
    cast(from_year as integer) as from_year,
    cast(to_year as integer) as to_year,
    description,
    cast(is_overall as boolean) as is_overall,
    cast(is_current as boolean) as is_current,
    nullif(ref, '') as ref,
    nullif(note, '') as note
from raw.case_ladder
