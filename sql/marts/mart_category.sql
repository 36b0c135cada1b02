-- Grain: one row per indicator per category (the catalogue the pages read), in order.
select
    indicator,
    category,
    label_nl,
    sort_order,
    is_total
from core.dim_category
