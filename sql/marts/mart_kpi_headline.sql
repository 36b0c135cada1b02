-- Grain: one row per region per year per headline KPI (the cards of the Kerncijfers page,
-- declared in data/reference/kpis.csv). `value` is the card's number (a sum when the KPI adds
-- several indicators, null unless every part is known), `rate` its companion measure. The
-- previous known year (for a survey: the previous measurement) and the baseline (the marked
-- start of a case in that municipality, e.g. De Kleine Schans in January 2018) come with their
-- own status, sources and series, so a card can say when a comparison involves generated
-- values or crosses a break in the series (a source of another series).
-- `reference_value` is the KPI's reference indicator in the same year (the budget beside the
-- spend), with its own status and source: shown beside the value, never added to it.
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

kpi_references as (
    select
        kpis.kpi,
        measures.municipality_code,
        measures.year,
        measures.value as reference_value,
        measures.is_demo as reference_is_demo,
        measures.is_provisional as reference_is_provisional,
        measures.status as reference_status,
        measures.source_id as reference_source_id
    from kpis
    inner join measures
        on
            kpis.reference_indicator = measures.indicator
            and kpis.category = measures.category
            and kpis.value_measure = measures.measure
),

kpi_values as (
    select
        kpi_parts.kpi,
        measures.municipality_code,
        measures.year,
        -- a sum only when every part is known and all parts have one status: generated and
        -- real (or imported and official) values are never added up
        case
            when
                count(measures.value) = max(kpi_parts.part_count)
                and count(distinct measures.status) = 1
                then sum(measures.value)
        end as value,
        case
            when
                count(measures.value) = max(kpi_parts.part_count)
                and count(distinct measures.status) = 1
                then sum(measures.value_low)
        end as value_low,
        case
            when
                count(measures.value) = max(kpi_parts.part_count)
                and count(distinct measures.status) = 1
                then sum(measures.value_high)
        end as value_high,
        -- the weakest status of the parts
        case
            when bool_or(measures.status = 'generated') then 'generated'
            when bool_or(measures.status = 'documented') then 'documented'
            when bool_or(measures.status = 'imported') then 'imported'
            when bool_or(measures.status = 'provisional') then 'provisional'
            else 'official'
        end as status,
        bool_or(measures.is_demo) as is_demo,
        bool_or(measures.is_provisional) as is_provisional,
        bool_or(measures.is_suppressed) as is_suppressed,
        list(distinct measures.source_id order by measures.source_id) as source_ids,
        list(distinct measures.source_series order by measures.source_series) as series_keys,
        bool_or(measures.is_series_break) as is_series_break
    from kpi_parts
    inner join measures
        on
            kpi_parts.indicator = measures.indicator
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
        on
            kpi_parts.indicator = measures.indicator
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

known as (
    select * from combined
    where value is not null
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
        current_year.series_keys,
        current_year.status,
        current_year.value_low,
        current_year.value_high,
        previous_year.year as previous_year,
        previous_year.value_low as previous_value_low,
        previous_year.value_high as previous_value_high,
        previous_year.status as previous_status,
        previous_year.value as value_previous_year,
        previous_year.is_demo as previous_is_demo,
        previous_year.source_ids as previous_source_ids,
        previous_year.series_keys as previous_series_keys,
        current_year.is_series_break,
        kpi_references.reference_value,
        kpi_references.reference_is_demo,
        kpi_references.reference_is_provisional,
        kpi_references.reference_source_id,
        kpi_references.reference_status,
        previous_year.is_provisional as previous_is_provisional,
        case_starts.baseline_year,
        case_starts.baseline_label,
        baseline.value as value_baseline,
        baseline.is_demo as baseline_is_demo,
        baseline.source_ids as baseline_source_ids,
        baseline.series_keys as baseline_series_keys,
        baseline.value_low as baseline_value_low,
        baseline.value_high as baseline_value_high,
        baseline.status as baseline_status,
        baseline.is_provisional as baseline_is_provisional
    from combined as current_year
    -- the previous known number: last year's, or the survey's previous measurement
    asof left join known as previous_year
        on
            current_year.municipality_code = previous_year.municipality_code
            and current_year.kpi = previous_year.kpi
            and current_year.year > previous_year.year
    left join kpi_references
        on
            current_year.municipality_code = kpi_references.municipality_code
            and current_year.kpi = kpi_references.kpi
            and current_year.year = kpi_references.year
    left join case_starts on current_year.municipality_code = case_starts.municipality_code
    left join combined as baseline
        on
            current_year.municipality_code = baseline.municipality_code
            and current_year.kpi = baseline.kpi
            and baseline.year = case_starts.baseline_year
)

select * from final
