-- Used by the case pages to name the documents their citations point at.
select
    document.document,
    document.file,
    document.title,
    document.publisher,
    document.published_on
from marts.mart_document as document
order by document.document
