-- Grain: one row per region per year per headline KPI (the cards of the Kerncijfers page,
-- declared in data/reference/kpis.csv). `value` is the card's number (a sum when the KPI adds
-- several indicators, null unless every part is known), `rate` its companion measure. The
-- previous year and the baseline (the marked start of a case in that municipality, e.g. De
-- Kleine Schans in January 2018) come with their own status and sources, so a card can say when
-- a comparison involves generated values or crosses a change of source (a break in the series).
with

kpis as (
    select * from core.dim_kpi
),

measures as (
    select * from marts.mart_indicator_measure
),

case_starts as (
    select
        municipality_code,
        min(start_year) as baseline_year,
        'start ' || arg_min(case_name, start_year) as baseline_label
    from core.dim_case
    where has_marked_start
    group by municipality_code
),

kpi_parts as (
    select
        kpi,
        unnest(indicators) as indicator,
        category,
        value_measure,
        rate_measure,
        len(indicators) as part_count
    from kpis
),

kpi_values as (
    select
        kpi_parts.kpi,
        measures.municipality_code,
        measures.year,
        case when count(measures.value) = max(kpi_parts.part_count) then sum(measures.value) end
            as value,
        bool_or(measures.is_demo) as is_demo,
        bool_or(measures.is_provisional) as is_provisional,
        bool_or(measures.is_suppressed) as is_suppressed,
        list(distinct measures.source_id order by measures.source_id) as source_ids
    from kpi_parts
    inner join measures
        on kpi_parts.indicator = measures.indicator
        and kpi_parts.category = measures.category
        and kpi_parts.value_measure = measures.measure
    group by all
),

kpi_rates as (
    select
        kpi_parts.kpi,
        measures.municipality_code,
        measures.year,
        measures.value as rate,
        measures.is_demo as rate_is_demo,
        measures.denominator_source_id as rate_source_id
    from kpi_parts
    inner join measures
        on kpi_parts.indicator = measures.indicator
        and kpi_parts.category = measures.category
        and kpi_parts.rate_measure = measures.measure
    where kpi_parts.part_count = 1
),

combined as (
    select
        kpi_values.*,
        kpi_rates.rate,
        coalesce(kpi_rates.rate_is_demo, false) as rate_is_demo,
        kpi_rates.rate_source_id
    from kpi_values
    left join kpi_rates using (kpi, municipality_code, year)
),

final as (
    select
        current_year.municipality_code,
        current_year.year,
        current_year.kpi,
        current_year.value,
        current_year.rate,
        current_year.is_demo,
        current_year.rate_is_demo,
        current_year.is_provisional,
        current_year.is_suppressed,
        current_year.source_ids,
        current_year.rate_source_id,
        previous_year.value as value_previous_year,
        previous_year.is_demo as previous_is_demo,
        previous_year.source_ids as previous_source_ids,
        case_starts.baseline_year,
        case_starts.baseline_label,
        baseline.value as value_baseline,
        baseline.is_demo as baseline_is_demo,
        baseline.source_ids as baseline_source_ids
    from combined as current_year
    left join combined as previous_year
        on current_year.municipality_code = previous_year.municipality_code
        and current_year.kpi = previous_year.kpi
        and current_year.year = previous_year.year + 1
    left join case_starts on current_year.municipality_code = case_starts.municipality_code
    left join combined as baseline
        on current_year.municipality_code = baseline.municipality_code
        and current_year.kpi = baseline.kpi
        and baseline.year = case_starts.baseline_year
)

select * from final
