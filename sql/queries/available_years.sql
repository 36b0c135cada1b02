-- Used by the year controls: every year with an observation for the region.
select distinct observation.year
from core.fct_observation as observation
where observation.municipality_code = $municipality_code
order by observation.year
