-- Grain: one row per release the previous release remembered (raw.previous_history).
select
    release_id,
    built_at,
    cells_added,
    cells_revised,
    cells_removed,
    indicators
from raw.previous_history
