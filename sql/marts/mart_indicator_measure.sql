-- Grain: one row per indicator per region per year per category per measure.
-- One join of the observation fact with the measure catalogue (core.dim_measure): a measure is
-- the value as published, a value the publisher computed itself (another indicator's value,
-- e.g. CBS's share of young people with youth care), or the value times `scale` divided by its
-- declared denominator (a population, the indicator's own total, or another indicator). A
-- rate carries the status of both parts: it is generated when either part is, provisional
-- when either part is, and its source columns name numerator and denominator. Suppressed
-- counts stay null in every measure. `is_series_break`: the value's source belongs to another
-- series than the year before (a new table with another definition), so the line breaks.
-- `value_low`/`value_high`: where the value can lie given the publisher's rounding (CBS rounds
-- counts to 5 and euros to 1,000; a share it publishes to one decimal): rankings and verdicts
-- treat values whose intervals overlap as equal.
with

observations as (
    select * from core.fct_observation
),

measures as (
    select * from core.dim_measure
),

sources as (
    select * from core.dim_source
),

indicators as (
    select * from core.dim_indicator
),

-- half the publisher's rounding unit of each fact: only official figures are rounded
rounded as (
    select
        observations.*,
        case
            when observations.status in ('official', 'provisional')
                then indicators.publisher_rounding / 2
            else 0
        end as half_rounding
    from observations
    inner join indicators on observations.indicator = indicators.indicator
),

joined as (
    select
        observations.indicator,
        observations.municipality_code,
        observations.year,
        observations.category,
        measures.measure,
        measures.value_indicator is not null as is_published_measure,
        -- for a measure the publisher computed, its row is the value; else the observation
        coalesce(published.value, case
            when published.indicator is null
                then
                    observations.value
        end) as numerator_value,
        case when published.indicator is null then observations else published end as value_row,
        measures.is_as_published,
        measures.scale,
        measures.decimals,
        case
            when published.indicator is null then observations.half_rounding
            else published.half_rounding
        end as numerator_half,
        denominator.half_rounding as denominator_half,
        denominator.value as denominator_value,
        denominator.is_demo as denominator_is_demo,
        denominator.is_provisional as denominator_is_provisional,
        denominator.source_id as denominator_source_id
    from rounded as observations
    inner join measures on observations.indicator = measures.indicator
    left join rounded as published
        on
            measures.value_indicator = published.indicator
            and observations.municipality_code = published.municipality_code
            and observations.year = published.year
            and observations.category = published.category
    left join rounded as denominator
        on
            measures.denominator_indicator = denominator.indicator
            and measures.denominator_category = denominator.category
            and observations.municipality_code = denominator.municipality_code
            and observations.year = denominator.year
    where measures.value_indicator is null or published.indicator is not null
),

computed as (
    select
        indicator,
        municipality_code,
        year,
        category,
        measure,
        case
            when is_published_measure or is_as_published then numerator_value
            else round(scale * numerator_value / nullif(denominator_value, 0), decimals)
        end as value,
        case
            when is_published_measure or is_as_published then numerator_value - numerator_half
            else
                scale * (numerator_value - numerator_half)
                / nullif(denominator_value + denominator_half, 0)
        end as value_low,
        case
            when is_published_measure or is_as_published then numerator_value + numerator_half
            when denominator_value - denominator_half > 0
                then
                    scale * (numerator_value + numerator_half)
                    / (denominator_value - denominator_half)
        end as value_high,
        value_row.is_suppressed,
        value_row.cell_symbol,
        value_row.is_demo or coalesce(denominator_is_demo, false) as is_demo,
        value_row.is_provisional or coalesce(denominator_is_provisional, false)
            as is_provisional,
        case
            when value_row.is_demo or coalesce(denominator_is_demo, false) then 'generated'
            when value_row.is_provisional or coalesce(denominator_is_provisional, false)
                then 'provisional'
            else value_row.status
        end as status,
        value_row.source_id,
        value_row.is_demo as source_is_demo,
        denominator_source_id,
        denominator_is_demo
    from joined
),

with_series as (
    select
        computed.*,
        numerator_source.series as source_series,
        coalesce(
            lag(numerator_source.series) over (
                partition by
                    computed.indicator, computed.municipality_code, computed.category,
                    computed.measure
                order by computed.year
            ) <> numerator_source.series,
            false
        ) as is_series_break
    from computed
    inner join sources as numerator_source on computed.source_id = numerator_source.source_id
),

final as (
    select
        with_series.*,
        numerator_source.publisher as source_publisher,
        numerator_source.title as source_title,
        numerator_source.reference as source_reference,
        -- the publisher's date; else the day it was retrieved, and said so (never passed off
        -- as a publication date)
        coalesce(numerator_source.published_on, 'opgehaald ' || numerator_source.retrieved_at)
            as source_date,
        numerator_source.note_nl as source_note,
        denominator_source.publisher as denominator_publisher,
        denominator_source.title as denominator_title,
        denominator_source.reference as denominator_reference,
        coalesce(
            denominator_source.published_on, 'opgehaald ' || denominator_source.retrieved_at
        ) as denominator_date
    from with_series
    inner join sources as numerator_source on with_series.source_id = numerator_source.source_id
    left join sources as denominator_source
        on with_series.denominator_source_id = denominator_source.source_id
)

select * from final
