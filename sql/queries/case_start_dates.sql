-- Used by indicator pages to annotate a case's start ("start coöperatie") from the case file,
-- the one source of truth for that date. Parameters: $municipality_code.
select
    overview.case_id,
    overview.case_name as name,
    overview.start_date,
    overview.start_year,
    overview.start_month,
    overview.has_marked_start
from marts.mart_case_overview as overview
where overview.municipality_code = $municipality_code
order by overview.start_year, overview.start_month nulls first, overview.case_name
