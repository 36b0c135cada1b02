-- Grain: one row: when this store was built and what it holds.
with

build as (
    select * from core.dim_build
),

coverage as (
    select
        min(year) as first_year,
        max(year) as last_year,
        bool_or(is_demo) as has_demo_values
    from core.fct_observation
),

final as (
    select
        build.release_id,
        build.built_at,
        build.pipeline_version,
        build.build_id,
        build.suppression_threshold,
        build.is_demo_build,
        coverage.first_year,
        coverage.last_year,
        coverage.has_demo_values
    from build
    cross join coverage
)

select * from final
