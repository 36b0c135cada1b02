-- Grain: one row per raw.case_milestones row (case files, validated by the loader).
select * from raw.case_milestones
