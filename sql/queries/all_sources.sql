-- Used by the footer: every source in the store.
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
from core.dim_source as source
order by source.is_demo, source.publisher, source.title
