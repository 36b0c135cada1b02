-- Grain: one row per indicator per municipality per year that the shipped extract of a
-- truncated public file does not reach, with the source record of that table.
select
    gaps.indicator,
    gaps.municipality_code,
    gaps.year,
    gaps.reason,
    gaps.table_id,
    'extract:' || gaps.table_id as source_id
from staging.stg_extract_gaps as gaps
