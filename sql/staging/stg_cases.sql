-- Grain: one row per practice case (data/cases/<case_id>.toml).
select
    case_id,
    name as case_name,
    municipality_code,
    municipality as municipality_label,
    nullif(neighbourhood, '') as neighbourhood,
    province as province_label,
    cast(period_start as integer) as period_start_year,
    cast(period_end as integer) as period_end_year,
    phase,
    nullif(phase_ref, '') as phase_ref,
    summary,
    government_description,
    nullif(government_ref, '') as government_ref,
    source_id,
    document,
    section,
    cast(line_first as integer) as line_first,
    cast(line_last as integer) as line_last,
    nullif(reading_notes, '') as reading_notes
from raw.cases
