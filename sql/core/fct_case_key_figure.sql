-- Grain: one row per number a case's document states.
select * from staging.stg_case_key_figures
