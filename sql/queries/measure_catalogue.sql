-- Used by the indicator pages: every measure of every indicator, with the indicator's labels.
select
    measure.indicator,
    measure.measure,
    measure.url_key,
    measure.label_nl,
    measure.axis_nl,
    measure.unit_nl,
    measure.decimals,
    measure.in_points,
    measure.is_comparable,
    measure.is_as_published,
    measure.sort_order,
    measure.sentence_nl,
    measure.denominator_indicator,
    indicator.label_nl as indicator_label,
    indicator.breakdown_label_nl,
    indicator.unit_nl as indicator_unit,
    indicator.value_kind,
    indicator.headline_category,
    indicator.higher_is_better,
    indicator.is_people_count,
    indicator.suppression_note_nl,
    indicator.parts_add_up,
    indicator.parts_note_nl,
    indicator.series_kind,
    indicator.definition_nl,
    indicator.has_public_source,
    indicator.import_template
from core.dim_measure as measure
inner join core.dim_indicator as indicator on measure.indicator = indicator.indicator
order by measure.indicator, measure.sort_order
