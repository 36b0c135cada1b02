-- Used by the indicator pages to show figures the source documents state, as points of their
-- own with the document's definition. Parameters: $municipality_code, $indicator.
select
    figure.year,
    figure.base_year,
    figure.value,
    figure.unit,
    figure.figure_kind,
    figure.definition_nl,
    figure.ref,
    figure.source_id,
    source.publisher,
    source.title,
    source.reference,
    source.published_on
from core.fct_documented_figure as figure
inner join core.dim_source as source on figure.source_id = source.source_id
where figure.municipality_code = $municipality_code
    and figure.indicator = $indicator
order by figure.year
