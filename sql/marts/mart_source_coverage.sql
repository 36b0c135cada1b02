-- Grain: one row per source record: what it covers in the store and whether it is final.
with

sources as (
    select * from core.dim_source
),

observations as (
    select * from core.fct_observation
),

indicators as (
    select * from core.dim_indicator
),

coverage as (
    select
        observations.source_id,
        min(observations.year) as first_year,
        max(observations.year) as last_year,
        count(*) as observations,
        count(distinct observations.municipality_code) as regions,
        bool_or(observations.is_provisional) as has_provisional_values,
        string_agg(distinct indicators.label_nl, '; ' order by indicators.label_nl) as indicators
    from observations
    left join indicators on observations.indicator = indicators.indicator
    group by observations.source_id
),

final as (
    select
        sources.source_id,
        sources.kind,
        sources.publisher,
        sources.title,
        sources.reference,
        sources.published_on,
        sources.retrieved_at,
        sources.licence,
        sources.url,
        sources.is_demo,
        coverage.first_year,
        coverage.last_year,
        coverage.observations,
        coverage.regions,
        coalesce(coverage.has_provisional_values, false) as has_provisional_values,
        coverage.indicators,
        case
            when sources.is_demo then 'Voorbeeldgegevens'
            when coalesce(coverage.has_provisional_values, false) then 'Voorlopig'
            else 'Definitief'
        end as status
    from sources
    left join coverage on sources.source_id = coverage.source_id
)

select * from final
