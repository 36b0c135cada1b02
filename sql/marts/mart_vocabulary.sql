-- Grain: one row per vocabulary per code: every closed list with its Dutch label.
select
    vocabulary,
    code,
    label_nl,
    sort_order,
    description_nl
from core.dim_vocabulary
