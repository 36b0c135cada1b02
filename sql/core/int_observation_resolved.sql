-- Grain: one row per indicator per region per year per category: the cell as the winning
-- source gives it. Precedence (import > official > document > sample; the latest of a kind)
-- picks one source per breakdown (indicator, region, year), not per cell, so real and
-- generated values never mix in one breakdown, and a cell an official source left empty stays
-- empty (value null, cell_symbol '.') instead of being filled from a lower source.
with

observations as (
    select * from staging.stg_observations
),

sources as (
    select * from staging.stg_sources
),

source_precedence as (
    select
        source_id,
        kind,
        retrieved_at,
        case kind when 'import' then 1 when 'official' then 2 when 'document' then 3 else 9 end
            as kind_rank
    from sources
),

breakdown_sources as (
    select distinct
        observations.indicator,
        observations.municipality_code,
        observations.year,
        observations.source_id,
        source_precedence.kind,
        source_precedence.kind_rank,
        source_precedence.retrieved_at
    from observations
    inner join source_precedence on observations.source_id = source_precedence.source_id
),

winners as (
    select
        *,
        row_number() over (
            partition by indicator, municipality_code, year
            -- within a kind, the latest retrieval or import wins (a fetch replaces an extract)
            order by kind_rank, retrieved_at desc nulls last, source_id desc
        ) as precedence_rank
    from breakdown_sources
),

final as (
    select
        observations.indicator,
        observations.municipality_code,
        observations.year,
        observations.category,
        observations.value,
        observations.source_id,
        observations.is_demo,
        observations.is_provisional,
        case
            when winners.kind = 'sample' then 'generated'
            when winners.kind = 'document' then 'documented'
            when winners.kind = 'import' then 'imported'
            when observations.is_provisional then 'provisional'
            else 'official'
        end as status,
        case when observations.value is null then '.' end as cell_symbol
    from observations
    inner join winners
        on observations.indicator = winners.indicator
        and observations.municipality_code = winners.municipality_code
        and observations.year = winners.year
        and observations.source_id = winners.source_id
    where winners.precedence_rank = 1
)

select * from final
