-- Used by every page's link parser: the years with at least one published value of an
-- indicator the pages show (denominators such as population alone do not make a year).
select
    region.municipality_code,
    region.years_with_data as years
from marts.mart_region as region
where len(region.years_with_data) > 0
