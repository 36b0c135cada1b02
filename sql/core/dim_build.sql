-- Grain: one row: the build this store comes from.
select * from staging.stg_build_info
