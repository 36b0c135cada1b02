-- Grain: one row per figure stated in a source document.
select
    indicator,
    municipality_code,
    cast(year as integer) as year,
    category,
    cast(value as double) as value,
    unit,
    kind as figure_kind,
    source_id,
    description
from raw.documented_figures
