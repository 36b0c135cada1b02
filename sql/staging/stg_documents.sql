-- Grain: one row per source document (data/reference/documents.csv), keyed by its number.
select
    document,
    file,
    title,
    publisher,
    nullif(published_on, '') as published_on,
    nullif(url, '') as url
from raw.documents
