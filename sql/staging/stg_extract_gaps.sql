-- Grain: one row per table per indicator per municipality per year that a truncated public
-- file does not reach (the shipped extract cannot show it; the publisher does have it).
select
    table_id,
    indicator,
    region_code as municipality_code,
    cast(year as integer) as year,
    reason
from raw.extract_gaps
