-- Used by pages/casussen.py and pages/casus.py: every case (or one) with its card fields.
-- Parameters: $case_id (null for all).
select *
from marts.mart_case_overview as overview
where $case_id is null or overview.case_id = $case_id
order by overview.start_year, overview.case_name
