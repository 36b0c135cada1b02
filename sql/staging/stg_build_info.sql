-- Grain: one row: this build's release id, time, pipeline version and settings (raw.build_info).
select
    release_id,
    built_at,
    pipeline_version,
    build_id,
    suppression_threshold,
    is_demo_build
from raw.build_info
