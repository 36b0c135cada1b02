-- Used by the footer and /health: when the published store was built.
select
    info.release_id,
    info.built_at,
    info.pipeline_version,
    info.suppression_threshold,
    info.first_year,
    info.last_year,
    info.has_demo_values
from marts.mart_store_info as info
