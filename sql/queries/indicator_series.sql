-- Used by the indicator pages: one measure of one indicator for the given regions and years,
-- every category, with labels, status and the sources of numerator and denominator.
-- Parameters: $indicator, $measure, $codes, $first_year, $last_year.
select
    measure.indicator,
    measure.municipality_code,
    region.municipality_name,
    measure.year,
    measure.category,
    category.label_nl as category_label,
    category.sort_order,
    category.is_total,
    measure.measure,
    measure.value,
    measure.value_low,
    measure.value_high,
    measure.is_suppressed,
    measure.cell_symbol,
    measure.is_demo,
    measure.is_provisional,
    measure.status,
    measure.source_id,
    measure.source_publisher,
    measure.source_title,
    measure.source_reference,
    measure.source_date,
    measure.source_series,
    measure.is_series_break,
    measure.source_note,
    measure.source_is_demo,
    measure.denominator_source_id,
    measure.denominator_is_demo,
    measure.denominator_publisher,
    measure.denominator_title,
    measure.denominator_reference,
    measure.denominator_date
from marts.mart_indicator_measure as measure
inner join marts.mart_category as category
    on
        measure.indicator = category.indicator
        and measure.category = category.category
inner join marts.mart_region as region
    on measure.municipality_code = region.municipality_code
where
    measure.indicator = $indicator
    and measure.measure = $measure
    and list_contains($codes, measure.municipality_code)
    and measure.year between $first_year and $last_year
order by measure.municipality_code, measure.year, category.sort_order
