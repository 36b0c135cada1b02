-- Used by /api/v1/sources: every source a value in this release can name.
select
    source.source_id,
    source.kind,
    source.publisher,
    source.title,
    source.reference,
    source.published_on,
    source.retrieved_at,
    source.licence,
    source.url,
    source.is_demo
from marts.mart_source as source
order by source.is_demo, source.publisher, source.title, source.source_id
