-- Grain: one row per item of a case dashboard panel (aim, actor, factor or key figure), in file
-- order; panel names the panel: basisidee, actoren, bevorderend, belemmerend or kerncijfers.
-- title is the item itself, detail its explanation; category is the actor type or, for
-- factors, the key-factor themes (comma-separated).
with

cases as (
    select * from core.dim_case
),

ideas as (
    select
        case_id,
        'basisidee' as panel,
        position,
        idea as title,
        note as detail,
        cast(null as varchar) as category,
        cast(null as varchar) as role,
        cast(null as double) as value,
        cast(null as varchar) as unit,
        cast(null as integer) as year,
        ref
    from core.fct_case_idea
),

actors as (
    select
        case_id,
        'actoren' as panel,
        position,
        actor_name as title,
        description as detail,
        actor_type as category,
        actor_role as role,
        cast(null as double) as value,
        cast(null as varchar) as unit,
        cast(null as integer) as year,
        ref
    from core.dim_case_actor
),

factors as (
    select
        case_id,
        kind as panel,
        position,
        description as title,
        any_value(note) as detail,
        string_agg(theme, ', ' order by theme) as category,
        cast(null as varchar) as role,
        cast(null as double) as value,
        cast(null as varchar) as unit,
        cast(null as integer) as year,
        any_value(ref) as ref
    from core.fct_case_factor_theme
    group by case_id, kind, position, description
),

key_figures as (
    select
        case_id,
        'kerncijfers' as panel,
        position,
        label as title,
        note as detail,
        cast(null as varchar) as category,
        cast(null as varchar) as role,
        value,
        unit,
        year,
        ref
    from core.fct_case_key_figure
),

items as (
    select * from ideas
    union all by name
    select * from actors
    union all by name
    select * from factors
    union all by name
    select * from key_figures
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
