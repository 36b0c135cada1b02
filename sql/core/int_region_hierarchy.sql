-- Grain: one row per parent region per year (null: every year) with the regions that add up
-- to it that year: each province and youth-care region with its municipalities, the country
-- with its provinces and (separately summed) with all its municipalities. Small-cell
-- suppression protects every one of these relations. Where CBS's yearly classification is
-- known, membership follows it (a merged municipality is not a silent zero in a later year);
-- otherwise the reference list's province holds for every year.
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

country as (
    select municipality_code from regions
    where region_kind = 'country'
),

yearly_groups as (
    select
        province_code as parent,
        year,
        municipality_code
    from memberships
    union all
    select
        youth_care_region_code as parent,
        year,
        municipality_code
    from memberships
    union all
    select
        country.municipality_code as parent,
        memberships.year,
        memberships.municipality_code
    from memberships cross join country
),

yearly as (
    select
        parent,
        year,
        list(municipality_code order by municipality_code) as children
    from yearly_groups
    group by parent, year
),

listed_members as (
    select
        province_code as parent,
        municipality_code
    from regions
    where
        region_kind = 'municipality' and province_code is not null
        and not exists (select 1 from memberships)
    union all
    select
        country.municipality_code as parent,
        regions.municipality_code
    from country cross join regions
    where regions.region_kind = 'municipality' and not exists (select 1 from memberships)
),

listed as (
    select
        parent,
        null::integer as year,
        list(municipality_code order by municipality_code)
            as children
    from listed_members
    group by parent
),

country_provinces as (
    select
        country.municipality_code as parent,
        null::integer as year,
        list(provinces.province_code order by provinces.province_code) as children
    from country cross join provinces
    group by country.municipality_code
),

final as (
    select * from yearly
    union all
    select * from listed
    union all
    select * from country_provinces
)

select * from final
