-- Grain: one row per region per year: the denominators for rates (population is never
-- suppressed, so it is read before suppression from the resolved observations).
select
    municipality_code,
    year,
    max(value) filter (where category = 'total') as inhabitants,
    max(value) filter (where category = 'age_0_17') as youth_0_17,
    bool_or(is_demo) as is_demo,
    list(distinct source_id order by source_id) as source_ids
from core.int_observation_resolved
where indicator = 'population'
group by municipality_code, year
