-- Grain: one row per source per indicator per region per year without a value it should have,
-- with the reason (truncated: the shipped extract stops before it; incomplete: a total lacks
-- parts of its definition, which are named).
select * from staging.stg_coverage_gaps
