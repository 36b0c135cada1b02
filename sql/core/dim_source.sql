-- Grain: one row per source record: publisher, title, reference, dates, licence, series.
select
    source_id,
    kind,
    publisher,
    title,
    reference,
    published_on,
    retrieved_at,
    licence,
    url,
    is_demo,
    series,
    note_nl
from staging.stg_sources
