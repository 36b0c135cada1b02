-- Grain: one row per raw.case_factors row (case files, validated by the loader).
select * from raw.case_factors
