-- Grain: one row per promoting or hindering factor per key-factor theme it is tagged with.
with

factors as (
    select * from staging.stg_case_factors
),

themes as (
    select * from staging.stg_case_factor_themes
),

final as (
    select
        factors.case_id,
        factors.factor_id,
        factors.position,
        factors.kind,
        themes.theme,
        factors.description,
        factors.ref,
        factors.note
    from factors
    inner join themes on factors.factor_id = themes.factor_id
)

select * from final
