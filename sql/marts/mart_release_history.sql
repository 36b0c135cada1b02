-- Grain: one row per release, this one and every one before it that the chain of builds
-- remembers: when it was built and how many cells it added, revised and removed.
with

changes as (
    select * from marts.mart_release_changes
),

build as (
    select * from core.dim_build
),

this_release as (
    select
        build.release_id,
        build.built_at,
        coalesce(sum(changes.cells) filter (where changes.change = 'added'), 0) as cells_added,
        coalesce(sum(changes.cells) filter (where changes.change = 'revised'), 0) as cells_revised,
        coalesce(sum(changes.cells) filter (where changes.change = 'removed'), 0) as cells_removed,
        string_agg(distinct changes.indicator, ', ' order by changes.indicator) as indicators
    from build
    left join changes on true
    group by build.release_id, build.built_at
),

final as (
    select
        *,
        false as is_demo,
        'release' as source_id
    from this_release
    union all by name
    select
        *,
        false as is_demo,
        'release' as source_id
    from core.fct_previous_release
    where release_id not in (select release_id from this_release)
)

select * from final
