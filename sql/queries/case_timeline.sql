-- Used by the case pages' timelines. Parameters: $case_id (null for all cases).
select *
from marts.mart_case_timeline as timeline
where $case_id is null or timeline.case_id = $case_id
order by timeline.year_fraction, timeline.case_name, timeline.position
