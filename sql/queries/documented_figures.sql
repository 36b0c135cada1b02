-- Used by the indicator pages to mark figures the source documents state.
-- Parameters: $municipality_code, $indicator.
select
    figure.year,
    figure.category,
    figure.value,
    figure.unit,
    figure.figure_kind,
    figure.description,
    figure.source_id,
    source.publisher,
    source.title,
    source.reference,
    source.published_on
from staging.stg_documented_figures as figure
inner join core.dim_source as source on figure.source_id = source.source_id
where figure.municipality_code = $municipality_code
    and figure.indicator = $indicator
order by figure.year
