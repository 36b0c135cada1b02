-- Used by the indicator pages' event annotations: marked case starts in a municipality.
-- Parameters: $municipality_code.
select
    overview.case_id,
    overview.case_name as name,
    overview.start_date,
    overview.start_year,
    overview.start_month
from marts.mart_case_overview as overview
inner join marts.mart_case_timeline as timeline
    on overview.case_id = timeline.case_id and timeline.marks_start
where overview.municipality_code = $municipality_code
order by overview.start_year
