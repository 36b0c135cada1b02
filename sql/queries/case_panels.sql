-- Used by pages/casus.py: the items of one case's panels. Parameters: $case_id.
select *
from marts.mart_case_panels as panel_item
where panel_item.case_id = $case_id
order by panel_item.panel, panel_item.position
