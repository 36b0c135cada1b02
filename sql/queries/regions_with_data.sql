-- Used by every page's municipality control: the country, provinces and municipalities that
-- have at least one observation, with the years a municipality existed and its successors.
select
    region.municipality_code,
    region.municipality_name,
    region.region_kind,
    region.province_code,
    region.province_name,
    region.size_class,
    region.latest_inhabitants,
    region.valid_from_year,
    region.valid_to_year,
    region.successors,
    region.successor_from_year,
    region.successor_note_nl
from core.dim_municipality as region
where region.region_kind in ('country', 'province', 'municipality')
    and exists (
        select 1
        from core.fct_observation as observation
        where observation.municipality_code = region.municipality_code
    )
order by
    case region.region_kind when 'country' then 0 when 'province' then 1 else 2 end,
    region.municipality_name
