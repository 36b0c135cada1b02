-- Grain: one row per source document: title, publisher and publication date.
select * from staging.stg_documents
