-- Grain: one row per source per indicator per region per year per category (as delivered).
select
    cast(indicator as varchar) as indicator,
    upper(trim(municipality_code)) as municipality_code,
    cast(year as integer) as year,
    cast(category as varchar) as category,
    cast(value as double) as value,
    cast(source_id as varchar) as source_id,
    cast(is_demo as boolean) as is_demo,
    cast(is_provisional as boolean) as is_provisional
from raw.observations
