-- Used by the Kerncijfers cards and the indicator panels: the years of a region that the
-- shipped extract of a truncated public file does not reach, per indicator.
-- Parameters: $municipality_code.
select
    gaps.indicator,
    gaps.year,
    gaps.reason,
    gaps.table_id,
    gaps.detail_nl,
    gaps.source_publisher,
    gaps.source_title
from marts.mart_indicator_gaps as gaps
where gaps.municipality_code = $municipality_code
order by gaps.indicator, gaps.year
