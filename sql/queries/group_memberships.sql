-- Used by the indicator pages' comparison control: every group every municipality is in, per
-- year, with the group's name and the region that carries the group's own published figure.
select
    member.year,
    member.group_kind,
    member.group_code,
    member.group_label,
    member.group_region_code,
    member.municipality_code,
    member.municipality_name
from marts.mart_region_group_member as member
order by member.year, member.group_kind, member.group_code, member.municipality_name
