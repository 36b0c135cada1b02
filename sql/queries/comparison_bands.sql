-- Used by the indicator pages' comparison bands: per year and category, the middle 50% and the
-- median of a measure across the comparison group, with the sources behind it. A named group
-- ($group_kind, $group_code) has the members CBS's classification gives it *that year*; an own
-- selection is the list $codes. The group is chosen per request, so this read-side query
-- aggregates (an exception to the "queries only filter" rule).
-- Parameters: $indicator, $measure, $group_kind, $group_code, $codes, $first_year, $last_year.
with

members as (
    select measure.*
    from marts.mart_indicator_measure as measure
    where
        measure.indicator = $indicator
        and measure.measure = $measure
        and measure.year between $first_year and $last_year
        and measure.value is not null
        and (
            list_contains($codes, measure.municipality_code)
            or exists (
                select 1
                from marts.mart_region_group_member as member
                where
                    member.group_kind = $group_kind
                    and member.group_code = $group_code
                    and member.year = measure.year
                    and member.municipality_code = measure.municipality_code
            )
        )
),

bands as (
    select
        year,
        category,
        quantile_cont(value, 0.25) as p25,
        median(value) as median,
        quantile_cont(value, 0.75) as p75,
        count(*) as municipalities,
        bool_or(is_demo) as is_demo,
        bool_or(is_provisional) as is_provisional,
        -- generated as soon as one member is: a comparison that leans on sample data says so
        case
            when bool_or(status = 'generated') then 'generated'
            when bool_or(status = 'provisional') then 'provisional'
            else min(status)
        end as status
    from members
    group by year, category
),

band_sources as (
    select
        members.year,
        members.category,
        list(distinct {
            'publisher': source.publisher,
            'title': source.title,
            'reference': source.reference,
            'date': coalesce(source.published_on, 'opgehaald ' || source.retrieved_at),
            'is_demo': source.is_demo
        }) as sources
    from members
    inner join marts.mart_source as source
        on source.source_id in (members.source_id, members.denominator_source_id)
    group by members.year, members.category
)

select
    bands.*,
    band_sources.sources
from bands
inner join band_sources using (year, category)
order by bands.category, bands.year
