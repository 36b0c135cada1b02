-- Grain: one row per region, with province and a size class from its latest population.
with

regions as (
    select * from staging.stg_municipalities
),

provinces as (
    select * from staging.stg_provinces
),

latest_population as (
    select
        municipality_code,
        arg_max(value, year) as inhabitants
    from staging.stg_observations
    where indicator = 'population' and category = 'total' and value is not null
    group by municipality_code
),

final as (
    select
        regions.municipality_code,
        regions.municipality_name,
        regions.province_code,
        provinces.province_name,
        regions.region_kind,
        regions.valid_from_year,
        regions.valid_to_year,
        latest_population.inhabitants as latest_inhabitants,
        case
            when regions.region_kind <> 'municipality' then null
            when latest_population.inhabitants < 20000 then 'tot 20.000'
            when latest_population.inhabitants < 50000 then '20.000 - 50.000'
            when latest_population.inhabitants < 100000 then '50.000 - 100.000'
            when latest_population.inhabitants >= 100000 then '100.000 of meer'
        end as size_class
    from regions
    left join provinces on regions.province_code = provinces.province_code
    left join latest_population on regions.municipality_code = latest_population.municipality_code
)

select * from final
