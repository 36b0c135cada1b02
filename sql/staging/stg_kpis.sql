-- Grain: one row per headline KPI (data/reference/kpis.csv); `indicators` is a list because a
-- KPI may add up several indicators (volunteers plus buddies).
select
    kpi,
    title_nl,
    string_split(indicators, '+') as indicators,
    category,
    value_measure,
    nullif(rate_measure, '') as rate_measure,
    unit_nl,
    definition_nl,
    cast(sort_order as integer) as sort_order
from raw.kpis
