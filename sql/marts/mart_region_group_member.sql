-- Grain: one row per year per kind of group per group per member municipality: the groups a
-- comparison can name, from CBS's own classification of that year (province, youth-care
-- region, size class, urbanisation, the country). `group_region_code` is the region whose own
-- figure the publisher gives for the whole group (a province, a youth-care region, NL01), or
-- null when only the members' figures exist. A store without the yearly classification (a
-- test's) uses its reference list's province for every year it has observations.
with

memberships as (
    select * from core.dim_municipality_year
),

regions as (
    select * from core.dim_municipality
),

observation_years as (
    select distinct year from core.fct_observation
),

yearly as (
    select
        year,
        'province' as group_kind,
        province_code as group_code,
        province_name as group_label,
        municipality_code,
        source_id
    from memberships
    union all
    select
        year,
        'youth_care_region' as group_kind,
        youth_care_region_code as group_code,
        youth_care_region_name as group_label,
        municipality_code,
        source_id
    from memberships
    union all
    select
        year,
        'size_class' as group_kind,
        size_class as group_code,
        size_class_name as group_label,
        municipality_code,
        source_id
    from memberships
    union all
    select
        year,
        'urbanisation' as group_kind,
        urbanisation as group_code,
        urbanisation_name as group_label,
        municipality_code,
        source_id
    from memberships
    union all
    select
        year,
        'country' as group_kind,
        'NL01' as group_code,
        'Nederland' as group_label,
        municipality_code,
        source_id
    from memberships
),

listed as (
    select
        observation_years.year,
        kinds.group_kind,
        case kinds.group_kind when 'province' then regions.province_code else 'NL01' end
            as group_code,
        case kinds.group_kind when 'province' then regions.province_name else 'Nederland' end
            as group_label,
        regions.municipality_code,
        'reference' as source_id
    from regions
    cross join observation_years
    cross join (values ('province'), ('country')) as kinds (group_kind)
    where
        regions.region_kind = 'municipality'
        and not exists (select 1 from memberships)
        and (kinds.group_kind = 'country' or regions.province_code is not null)
),

final as (
    select
        members.year,
        members.group_kind,
        members.group_code,
        members.group_label,
        case
            when members.group_kind in ('province', 'youth_care_region', 'country')
                then members.group_code
        end as group_region_code,
        members.municipality_code,
        regions.municipality_name,
        false as is_demo,
        members.source_id
    from (
        select * from yearly
        union all
        select * from listed
    ) as members
    inner join regions on members.municipality_code = regions.municipality_code
    where members.group_code is not null
)

select * from final
