-- Grain: one row per earlier release, as the previous release remembered it.
select * from staging.stg_previous_history
