-- Grain: one row per source record: publisher, title, reference, dates, licence, series, note.
select * from core.dim_source
