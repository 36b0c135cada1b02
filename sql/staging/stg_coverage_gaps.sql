-- Grain: one row per source per indicator per region per year that the source should give
-- but does not: a truncated public file stops before it, or an imported total lacks parts.
select
    cast(indicator as varchar) as indicator,
    cast(municipality_code as varchar) as municipality_code,
    cast(year as integer) as year,
    cast(source_id as varchar) as source_id,
    cast(reason as varchar) as reason,
    nullif(cast(detail as varchar), '') as detail_nl
from raw.coverage_gaps
