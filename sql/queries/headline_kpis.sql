-- Used by pages/kerncijfers.py. Parameters: $municipality_code.
select
    kpi.kpi,
    kpi.year,
    kpi.value,
    kpi.rate,
    kpi.value_previous_year,
    kpi.value_baseline,
    kpi.baseline_year,
    kpi.baseline_label,
    kpi.is_demo,
    kpi.is_provisional,
    kpi.source_ids
from marts.mart_headline_kpi as kpi
where kpi.municipality_code = $municipality_code
order by kpi.kpi, kpi.year
