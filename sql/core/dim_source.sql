-- Grain: one row per source record: publisher, title, reference, dates, licence.
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
    is_demo
from staging.stg_sources
