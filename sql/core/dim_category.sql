-- Grain: one row per indicator per category.
select * from staging.stg_categories
