-- Used by source notes. Parameters: $source_ids (a list).
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
where list_contains($source_ids, source.source_id)
order by source.is_demo, source.publisher, source.title
