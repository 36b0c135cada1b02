-- Grain: one row per municipality per year: its province, youth-care region, size class and
-- urbanisation that year, with names, and its population on 1 January.
with

memberships as (
    select * from staging.stg_municipality_years
),

groups as (
    select * from staging.stg_region_groups
),

final as (
    select
        memberships.*,
        province.group_name as province_name,
        youth_care_region.group_name as youth_care_region_name,
        size_class.group_name as size_class_name,
        urbanisation.group_name as urbanisation_name
    from memberships
    left join groups as province
        on province.group_kind = 'province' and memberships.province_code = province.group_code
    left join groups as youth_care_region
        on
            youth_care_region.group_kind = 'youth_care_region'
            and memberships.youth_care_region_code = youth_care_region.group_code
    left join groups as size_class
        on size_class.group_kind = 'size_class' and memberships.size_class = size_class.group_code
    left join groups as urbanisation
        on
            urbanisation.group_kind = 'urbanisation'
            and memberships.urbanisation = urbanisation.group_code
)

select * from final
