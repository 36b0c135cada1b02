-- Grain: one row per indicator per measure: how an indicator can be shown, with what the
-- indicator counts, its direction, unit, public source and import template.
with

measures as (
    select * from core.dim_measure
),

indicators as (
    select * from core.dim_indicator
),

final as (
    select
        measures.indicator,
        measures.measure,
        measures.url_key,
        measures.label_nl,
        measures.axis_nl,
        measures.unit_nl,
        measures.decimals,
        measures.in_points,
        measures.is_comparable,
        measures.is_as_published,
        measures.sort_order,
        measures.sentence_nl,
        measures.denominator_indicator,
        indicators.label_nl as indicator_label,
        indicators.breakdown_label_nl,
        indicators.unit_nl as indicator_unit,
        indicators.value_kind,
        indicators.headline_category,
        indicators.higher_is_better,
        indicators.is_people_count,
        indicators.suppression_note_nl,
        indicators.parts_add_up,
        indicators.parts_note_nl,
        indicators.series_kind,
        indicators.definition_nl,
        indicators.has_public_source,
        indicators.import_template,
        indicators.is_shown_on_pages
    from measures
    inner join indicators on measures.indicator = indicators.indicator
)

select * from final
