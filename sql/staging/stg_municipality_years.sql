-- Grain: one row per municipality per year (CBS Gebieden in Nederland, 1 January): the groups
-- CBS puts it in that year and its population.
select
    cast(year as integer) as year,
    municipality_code,
    province_code,
    corop_code,
    youth_care_region_code,
    size_class,
    urbanisation,
    cast(population as bigint) as population,
    'extract:' || table_id as source_id
from raw.municipality_years
