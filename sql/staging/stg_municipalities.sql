-- Grain: one row per region (country, province or municipality).
select
    municipality_code,
    name as municipality_name,
    nullif(province_code, '') as province_code,
    region_kind,
    cast(valid_from as integer) as valid_from_year,
    cast(valid_to as integer) as valid_to_year
from raw.municipalities
