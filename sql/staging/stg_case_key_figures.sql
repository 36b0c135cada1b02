-- Grain: one row per raw.case_key_figures row (case files, validated by the loader).
select * from raw.case_key_figures
