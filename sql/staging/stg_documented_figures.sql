-- Grain: one row per figure stated in a source document, with the document's own definition.
select
    indicator,
    municipality_code,
    cast(year as integer) as year,
    cast(base_year as integer) as base_year,
    cast(value as double) as value,
    unit,
    kind as figure_kind,
    ref,
    section,
    document,
    definition_nl,
    source_id
from raw.documented_figures
