-- Grain: one row per province.
select
    province_code,
    name as province_name
from raw.provinces
