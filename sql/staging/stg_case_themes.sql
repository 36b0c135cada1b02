-- Grain: one row per practice case per theme (raw.case_themes).
select
    case_id,
    theme
from raw.case_themes
