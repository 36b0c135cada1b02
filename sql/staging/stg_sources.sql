-- Grain: one row per source record.
select
    source_id,
    kind,
    publisher,
    title,
    reference,
    nullif(published_on, '') as published_on,
    nullif(retrieved_at, '') as retrieved_at,
    licence,
    nullif(url, '') as url,
    cast(is_demo as boolean) as is_demo,
    -- sources of one series share a key; without one, a source is a series of its own
    coalesce(nullif(series, ''), source_id) as series,
    nullif(note, '') as note_nl
from raw.sources
