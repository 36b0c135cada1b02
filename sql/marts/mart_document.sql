-- Grain: one row per source document: number, file, title, publisher, date.
select
    document,
    file,
    title,
    publisher,
    published_on
from core.dim_document
