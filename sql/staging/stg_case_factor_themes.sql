-- Grain: one row per factor per key-factor theme (raw.case_factor_themes).
select
    factor_id,
    case_id,
    theme
from raw.case_factor_themes
