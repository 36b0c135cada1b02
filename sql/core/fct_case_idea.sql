-- Grain: one row per aim in a practice case's basic idea.
select * from staging.stg_case_ideas
