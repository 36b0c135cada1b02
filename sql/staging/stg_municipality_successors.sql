-- Grain: one row per ended municipality per successor (a split has several).
select
    municipality_code,
    successor_code,
    cast(first_year_in_successor as integer) as first_year_in_successor,
    note_nl
from raw.municipality_successors
