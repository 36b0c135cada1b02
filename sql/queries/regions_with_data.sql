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
from marts.mart_region as region
where
    region.region_kind in ('country', 'province', 'municipality')
    and region.has_observations
order by
    case region.region_kind when 'country' then 0 when 'province' then 1 else 2 end,
    region.municipality_name
