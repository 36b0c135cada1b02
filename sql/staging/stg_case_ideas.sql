-- Grain: one row per raw.case_ideas row (case files, validated by the loader).
select * from raw.case_ideas
