-- Grain: one row per raw.case_themes row (case files, validated by the loader).
select * from raw.case_themes
