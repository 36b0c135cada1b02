-- Grain: one row per parent region with the list of regions that add up to it: each province
-- with its municipalities, and the country with its provinces and (separately summed) with all
-- municipalities. Small-cell suppression protects every one of these relations.
with

regions as (
    select * from staging.stg_municipalities
),

provinces as (
    select * from staging.stg_provinces
),

country as (
    select municipality_code from regions where region_kind = 'country'
),

province_members as (
    select province_code as parent, list(municipality_code order by municipality_code) as children
    from regions
    where region_kind = 'municipality' and province_code is not null
    group by province_code
),

country_provinces as (
    select
        country.municipality_code as parent,
        list(provinces.province_code order by provinces.province_code) as children
    from country cross join provinces
    group by country.municipality_code
),

country_municipalities as (
    select
        country.municipality_code as parent,
        list(regions.municipality_code order by regions.municipality_code) as children
    from country
    cross join regions
    where regions.region_kind = 'municipality'
    group by country.municipality_code
),

final as (
    select * from province_members
    union all
    select * from country_provinces
    union all
    select * from country_municipalities
)

select * from final
