-- Grain: one row per indicator per measure (data/reference/measures.csv).
select
    indicator,
    measure,
    url_key,
    label_nl,
    axis_nl,
    unit_nl,
    cast(scale as double) as scale,
    nullif(denominator_indicator, '') as denominator_indicator,
    nullif(denominator_category, '') as denominator_category,
    -- a measure the publisher computed itself: that indicator's value, as published
    nullif(value_indicator, '') as value_indicator,
    cast(decimals as integer) as decimals,
    cast(in_points as boolean) as in_points,
    cast(comparable as boolean) as is_comparable,
    cast(sort_order as integer) as sort_order,
    sentence_nl
from raw.measures
