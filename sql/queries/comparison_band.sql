-- Used by the indicator pages' comparison band: middle 50% and median of a user-chosen group.
-- The group is chosen per request, so this read-side query aggregates (an exception to the
-- "queries only filter" rule). Parameters: $indicator, $category, $measure, $codes,
-- $first_year, $last_year.
select
    measure.year,
    quantile_cont(measure.value, 0.25) as p25,
    median(measure.value) as median,
    quantile_cont(measure.value, 0.75) as p75,
    count(*) as municipalities,
    bool_or(measure.is_demo) as is_demo,
    list(distinct measure.source_id) as source_ids
from marts.mart_indicator_measure as measure
where measure.indicator = $indicator
    and measure.category = $category
    and measure.measure = $measure
    and list_contains($codes, measure.municipality_code)
    and measure.year between $first_year and $last_year
    and measure.value is not null
group by measure.year
order by measure.year
