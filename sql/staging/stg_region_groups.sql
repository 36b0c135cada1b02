-- Grain: one row per kind of group per code: the names of provinces, COROP areas, youth-care
-- regions, size classes and urbanisation classes.
select
    kind as group_kind,
    code as group_code,
    name as group_name
from raw.region_groups
