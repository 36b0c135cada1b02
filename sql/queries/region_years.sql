-- Used by every page's link parser: the years with at least one observation, per region.
select
    observation.municipality_code,
    list(distinct observation.year order by observation.year) as years
from core.fct_observation as observation
group by observation.municipality_code
