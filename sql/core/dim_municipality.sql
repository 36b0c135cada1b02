-- Grain: one row per region (country, province, youth-care region, municipality): its name,
-- kind, the years it existed, its latest province, size class and population, and for a
-- municipality that ended, who took over (several for a split).
with

regions as (
    select * from staging.stg_municipalities
),

provinces as (
    select * from staging.stg_provinces
),

memberships as (
    select * from staging.stg_municipality_years
),

size_classes as (
    select * from staging.stg_region_groups
    where group_kind = 'size_class'
),

successor_rows as (
    select * from staging.stg_municipality_successors
),

latest_membership as (
    select
        municipality_code,
        arg_max(size_class, year) as size_class_code,
        arg_max(population, year) as population
    from memberships
    group by municipality_code
),

latest_population as (
    select
        municipality_code,
        arg_max(value, year) as inhabitants
    from staging.stg_observations
    where indicator = 'population' and category = 'total' and value is not null
    group by municipality_code
),

successors as (
    select
        successor_rows.municipality_code,
        list(
            { 'code': successor_rows.successor_code, 'name': successor.municipality_name }
            order by successor.municipality_name
        ) as successors,
        min(successor_rows.first_year_in_successor) as successor_from_year,
        any_value(successor_rows.note_nl) as successor_note_nl
    from successor_rows
    left join regions as successor on successor_rows.successor_code = successor.municipality_code
    group by successor_rows.municipality_code
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
        coalesce(latest_membership.population, latest_population.inhabitants)
            as latest_inhabitants,
        case
            when regions.region_kind <> 'municipality' then null
            when size_classes.group_name is not null then size_classes.group_name
            when latest_population.inhabitants < 20000 then 'tot 20.000'
            when latest_population.inhabitants < 50000 then '20.000 - 50.000'
            when latest_population.inhabitants < 100000 then '50.000 - 100.000'
            when latest_population.inhabitants >= 100000 then '100.000 of meer'
        end as size_class,
        successors.successors,
        successors.successor_from_year,
        successors.successor_note_nl
    from regions
    left join provinces on regions.province_code = provinces.province_code
    left join latest_membership on regions.municipality_code = latest_membership.municipality_code
    left join size_classes on latest_membership.size_class_code = size_classes.group_code
    left join latest_population on regions.municipality_code = latest_population.municipality_code
    left join successors on regions.municipality_code = successors.municipality_code
)

select * from final
