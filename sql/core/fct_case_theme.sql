-- Grain: one row per practice case per theme.
select * from staging.stg_case_themes
