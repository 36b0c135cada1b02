-- Used by the whole-release downloads (/api/v1): the tables a release publishes, i.e. its marts.
select table_name
from information_schema.tables
where table_catalog = 'store' and table_schema = 'marts'
order by table_name
