-- Grain: one row per figure a source document states (level or change), with its definition
-- and citation; shown beside a series, never inside it.
select * from staging.stg_documented_figures
