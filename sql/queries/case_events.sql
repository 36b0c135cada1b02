-- Used by the indicator pages' trend annotations: dated milestones of the cases in a
-- municipality (the cooperative's start among them). Parameters: $municipality_code.
select
    timeline.case_id,
    timeline.case_name,
    timeline.date_text,
    timeline.year,
    timeline.month,
    timeline.description,
    timeline.marks_start
from marts.mart_case_timeline as timeline
inner join marts.mart_case_overview as overview on timeline.case_id = overview.case_id
where overview.municipality_code = $municipality_code
order by timeline.year_fraction
