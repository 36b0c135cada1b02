-- Used by the whole-release download (observations.parquet): every value of every measure, as
-- the pages and /api/v1/observations show it, with its labels, sign, status and sources.
-- Suppressed cells are rows with an empty value and the sign 'x', as on the pages.
select
    measure.indicator,
    catalogue.url_key as measure,
    catalogue.label_nl as measure_label,
    measure.municipality_code,
    region.municipality_name,
    measure.year,
    measure.category,
    category.label_nl as category_label,
    measure.value,
    measure.value_low,
    measure.value_high,
    coalesce(measure.cell_symbol, '') as sign,
    measure.status,
    status.label_nl as status_label,
    measure.source_publisher,
    measure.source_title,
    measure.source_reference,
    measure.source_date,
    measure.denominator_publisher,
    measure.denominator_title,
    measure.denominator_reference,
    measure.denominator_date,
    measure.is_series_break
from marts.mart_indicator_measure as measure
inner join marts.mart_measure_catalogue as catalogue
    on
        measure.indicator = catalogue.indicator
        and measure.measure = catalogue.measure
inner join marts.mart_category as category
    on
        measure.indicator = category.indicator
        and measure.category = category.category
inner join marts.mart_region as region
    on measure.municipality_code = region.municipality_code
left join marts.mart_vocabulary as status
    on
        status.vocabulary = 'status'
        and measure.status = status.code
order by
    measure.indicator, catalogue.sort_order, measure.municipality_code, measure.year,
    category.sort_order
