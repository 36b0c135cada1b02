-- Grain: one row per indicator per category.
select
    indicator,
    category,
    label_nl,
    nullif(domain, '') as domain,
    cast(sort_order as integer) as sort_order,
    cast(is_total as boolean) as is_total,
    cast(is_breakdown_suppressed as boolean) as is_breakdown_suppressed
from raw.categories
