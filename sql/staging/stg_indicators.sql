-- Grain: one row per indicator (data/reference/indicators.csv): what it counts and how to read it.
select
    indicator,
    label_nl,
    nullif(breakdown_label_nl, '') as breakdown_label_nl,
    unit_nl,
    value_kind,
    headline_category,
    cast(higher_is_better as boolean) as higher_is_better,
    cast(is_people_count as boolean) as is_people_count,
    nullif(suppression_note_nl, '') as suppression_note_nl,
    cast(parts_add_up as boolean) as parts_add_up,
    nullif(parts_note_nl, '') as parts_note_nl,
    cast(shown_on_pages as boolean) as is_shown_on_pages,
    series_kind,
    definition_nl,
    cast(has_public_source as boolean) as has_public_source,
    nullif(import_template, '') as import_template,
    -- the unit the publisher rounds to (CBS: counts to 5, euros to 1,000); 0: exact
    coalesce(cast(publisher_rounding as double), 0) as publisher_rounding
from raw.indicators
