-- Grain: one row per indicator: the catalogue every page and the suppression step read.
select * from staging.stg_indicators
