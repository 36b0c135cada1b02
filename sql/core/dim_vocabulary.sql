-- Grain: one row per vocabulary per code: Dutch labels that validation, pages and figures read.
select * from staging.stg_vocabularies
