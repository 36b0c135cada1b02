-- Grain: one row per key-factor theme per case per kind (promoting or hindering), with the
-- number of factors and their descriptions.
with

themes as (
    select * from staging.stg_case_factor_themes
),

factors as (
    select * from staging.stg_case_factors
),

cases as (
    select * from core.dim_case
),

final as (
    select
        themes.theme,
        themes.case_id,
        cases.case_name,
        themes.kind,
        count(*) as factors,
        list(factors.description order by factors.factor_id) as descriptions,
        cases.source_id,
        cases.is_demo
    from themes
    inner join factors on themes.factor_id = factors.factor_id
    inner join cases on themes.case_id = cases.case_id
    group by themes.theme, themes.case_id, cases.case_name, themes.kind, cases.source_id,
        cases.is_demo
)

select * from final
