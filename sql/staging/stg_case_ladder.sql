-- Grain: one row per raw.case_ladder row (case files, validated by the loader).
select * from raw.case_ladder
