-- Grain: one row per headline KPI (data/reference/kpis.csv); `indicators` is a list because a
-- KPI may add up several indicators; `reference_indicator` is shown beside the value (the
-- budget beside the spend), never added to it.
select
    kpi,
    title_nl,
    short_title_nl,
    string_split(indicators, '+') as indicators,
    category,
    value_measure,
    nullif(rate_measure, '') as rate_measure,
    nullif(reference_indicator, '') as reference_indicator,
    unit_nl,
    definition_nl,
    cast(sort_order as integer) as sort_order
from raw.kpis
