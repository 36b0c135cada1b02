-- Grain: one row per key-factor theme per case per kind (bevorderend or belemmerend) that
-- occurs, with the number of factors and their descriptions in file order.
with

factor_themes as (
    select * from core.fct_case_factor_theme
),

cases as (
    select * from core.dim_case
),

final as (
    select
        factor_themes.theme,
        factor_themes.case_id,
        cases.case_name,
        factor_themes.kind,
        count(*) as factors,
        list(factor_themes.description order by factor_themes.position) as descriptions,
        cases.source_id,
        cases.is_demo
    from factor_themes
    inner join cases on factor_themes.case_id = cases.case_id
    group by all
)

select * from final
