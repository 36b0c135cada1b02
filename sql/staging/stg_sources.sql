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
    cast(is_demo as boolean) as is_demo
from raw.sources
