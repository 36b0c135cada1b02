-- Used by the indicator pages and the Kerncijfers cards to show figures the source documents
-- state, as points of their own with the document's definition.
-- Parameters: $municipality_code, $indicator.
select
    figure.year,
    figure.base_year,
    figure.value,
    figure.unit,
    figure.figure_kind,
    figure.definition_nl,
    figure.ref,
    figure.source_id,
    figure.publisher,
    figure.title,
    figure.reference,
    figure.published_on
from marts.mart_documented_figure as figure
where
    figure.municipality_code = $municipality_code
    and figure.indicator = $indicator
order by figure.year
