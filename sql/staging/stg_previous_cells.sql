-- Grain: one row per cell the previous (then current) release published, as it published it
-- (raw.previous_cells; empty for a first build).
select
    indicator,
    municipality_code,
    year,
    category,
    value,
    is_suppressed
from raw.previous_cells
