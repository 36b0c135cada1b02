-- Grain: one row per indicator per category (data/reference/categories.csv).
select
    indicator,
    category,
    label_nl,
    cast(sort_order as integer) as sort_order,
    cast(is_total as boolean) as is_total
from raw.categories
