-- Grain: one row per indicator per region per year per category per measure.
-- One join of the observation fact with the measure catalogue (core.dim_measure): a measure is
-- the value as published, or the value times `scale` divided by its declared denominator (a
-- population, the indicator's own total, or another indicator). A rate carries the status of
-- both parts: it is generated when either part is, provisional when either part is, and its
-- source columns name numerator and denominator. Suppressed counts stay null in every measure.
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

computed as (
    select
        observations.indicator,
        observations.municipality_code,
        observations.year,
        observations.category,
        measures.measure,
        case
            when measures.is_as_published then observations.value
            else round(
                measures.scale * observations.value / nullif(denominator.value, 0),
                measures.decimals
            )
        end as value,
        observations.is_suppressed,
        observations.cell_symbol,
        observations.is_demo or coalesce(denominator.is_demo, false) as is_demo,
        observations.is_provisional or coalesce(denominator.is_provisional, false)
            as is_provisional,
        case
            when observations.is_demo or coalesce(denominator.is_demo, false) then 'generated'
            when observations.is_provisional or coalesce(denominator.is_provisional, false)
                then 'provisional'
            else observations.status
        end as status,
        observations.source_id,
        observations.is_demo as source_is_demo,
        denominator.source_id as denominator_source_id,
        denominator.is_demo as denominator_is_demo
    from observations
    inner join measures on observations.indicator = measures.indicator
    left join observations as denominator
        on measures.denominator_indicator = denominator.indicator
        and measures.denominator_category = denominator.category
        and observations.municipality_code = denominator.municipality_code
        and observations.year = denominator.year
),

final as (
    select
        computed.*,
        numerator_source.publisher as source_publisher,
        numerator_source.title as source_title,
        numerator_source.reference as source_reference,
        coalesce(numerator_source.published_on, numerator_source.retrieved_at) as source_date,
        denominator_source.publisher as denominator_publisher,
        denominator_source.title as denominator_title,
        denominator_source.reference as denominator_reference,
        coalesce(denominator_source.published_on, denominator_source.retrieved_at)
            as denominator_date
    from computed
    inner join sources as numerator_source on computed.source_id = numerator_source.source_id
    left join sources as denominator_source
        on computed.denominator_source_id = denominator_source.source_id
)

select * from final
