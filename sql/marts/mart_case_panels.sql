-- Grain: one row per item of a case dashboard panel (idea, actor, factor or key figure), in
-- document order; panel says which of the six panels (plus key figures) it belongs to.
-- title is the item itself; detail its explanation (for factors: their key-factor themes).
with

cases as (
    select * from core.dim_case
),

ideas as (
    select case_id, 'basisidee' as panel, position, idea as title,
        cast(null as varchar) as detail, cast(null as varchar) as category,
        cast(null as varchar) as role, cast(null as double) as value,
        cast(null as varchar) as unit, cast(null as integer) as year
    from staging.stg_case_ideas
),

actors as (
    select case_id, 'actoren', position, name, description, type, role, null, null, null
    from staging.stg_case_actors
),

factors as (
    select
        factors.case_id,
        factors.kind,
        cast(split_part(factors.factor_id, '#', 2) as integer),
        factors.description,
        string_agg(themes.theme, ', ' order by themes.theme),
        null, null, null, null, null
    from staging.stg_case_factors as factors
    left join staging.stg_case_factor_themes as themes on factors.factor_id = themes.factor_id
    group by factors.case_id, factors.kind, factors.factor_id, factors.description
),

figures as (
    select case_id, 'kerncijfers', position, label, note, null, null, value, unit,
        cast(year as integer)
    from staging.stg_case_key_figures
),

items as (
    select * from ideas
    union all select * from actors
    union all select * from factors
    union all select * from figures
),

final as (
    select
        items.*,
        cases.source_id,
        cases.is_demo
    from items
    inner join cases on items.case_id = cases.case_id
)

select * from final
