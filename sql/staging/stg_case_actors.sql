-- Grain: one row per raw.case_actors row (case files, validated by the loader).
select * from raw.case_actors
