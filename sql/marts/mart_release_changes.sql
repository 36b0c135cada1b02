-- Grain: one row per indicator per kind of change (added, revised, removed) against the release
-- that was current when this one was built: how many cells, places and which years. Empty when
-- there was no earlier release. A cell that became hidden counts as revised.
with

current_cells as (
    select
        indicator,
        municipality_code,
        year,
        category,
        value,
        is_suppressed
    from core.fct_observation
),

previous_cells as (
    select * from core.fct_previous_cell
),

previous_release as (
    select count(*) as cells from previous_cells
),

compared as (
    select
        coalesce(current_cells.indicator, previous_cells.indicator) as indicator,
        coalesce(current_cells.municipality_code, previous_cells.municipality_code)
            as municipality_code,
        coalesce(current_cells.year, previous_cells.year) as year,
        case
            when previous_cells.indicator is null then 'added'
            when current_cells.indicator is null then 'removed'
            -- `is distinct from`, spelt so that sqlfluff can parse it: a value that
            -- appeared or disappeared counts as a change, as a different one does
            when coalesce(
                current_cells.value <> previous_cells.value,
                (current_cells.value is null) <> (previous_cells.value is null)
            )
            or current_cells.is_suppressed <> previous_cells.is_suppressed then 'revised'
        end as change
    from current_cells
    full outer join previous_cells
        on
            current_cells.indicator = previous_cells.indicator
            and current_cells.municipality_code = previous_cells.municipality_code
            and current_cells.year = previous_cells.year
            and current_cells.category = previous_cells.category
    cross join previous_release
    where previous_release.cells > 0  -- a first build has nothing to compare with
),

final as (
    select
        compared.indicator,
        compared.change,
        count(*) as cells,
        count(distinct compared.municipality_code) as places,
        list(distinct compared.year order by compared.year) as years,
        false as is_demo,
        'release' as source_id
    from compared
    where compared.change is not null
    group by compared.indicator, compared.change
)

select * from final
