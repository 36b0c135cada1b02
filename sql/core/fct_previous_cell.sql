-- Grain: one row per cell of the previous release (what this release is compared with).
select * from staging.stg_previous_cells
