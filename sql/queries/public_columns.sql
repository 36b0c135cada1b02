-- Used by the whole-release downloads' README: every column of every public table, in order.
select
    table_name,
    column_name,
    data_type
from information_schema.columns
where table_catalog = 'store' and table_schema = 'marts'
order by table_name, ordinal_position
