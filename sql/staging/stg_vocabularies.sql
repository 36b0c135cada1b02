-- Grain: one row per vocabulary per code (data/reference/vocabularies.csv).
select
    vocabulary,
    code,
    label_nl,
    cast(sort_order as integer) as sort_order,
    nullif(description_nl, '') as description_nl
from raw.vocabularies
