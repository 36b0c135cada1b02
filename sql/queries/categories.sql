-- Used by the indicator pages' link parser and tables: every indicator's categories, in order.
select
    category.indicator,
    category.category,
    category.label_nl,
    category.sort_order,
    category.is_total
from marts.mart_category as category
order by category.indicator, category.sort_order
