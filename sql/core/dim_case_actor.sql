-- Grain: one row per actor of a practice case.
select * from staging.stg_case_actors
