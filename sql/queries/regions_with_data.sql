-- Used by every page's municipality control: regions that have at least one observation.
select
    region.municipality_code,
    region.municipality_name,
    region.region_kind,
    region.province_code,
    region.province_name,
    region.size_class,
    region.latest_inhabitants
from core.dim_municipality as region
where exists (
    select 1
    from core.fct_observation as observation
    where observation.municipality_code = region.municipality_code
)
order by region.region_kind desc, region.municipality_name
