-- Used by every page's link parser: the years with at least one published value of an
-- indicator the pages show (denominators such as population alone do not make a year).
select
    observation.municipality_code,
    list(distinct observation.year order by observation.year) as years
from core.fct_observation as observation
inner join core.dim_indicator as indicator on observation.indicator = indicator.indicator
where indicator.is_shown_on_pages and observation.value is not null
group by observation.municipality_code
