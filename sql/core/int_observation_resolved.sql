-- Grain: one row per indicator per region per year per category: the cell as the winning
-- source gives it. Precedence (real before generated; among real sources one with the total
-- before one without; then import > official > document; within a kind the more complete
-- breakdown, then the latest retrieval) picks one source per
-- breakdown (indicator, region, year), not per cell, so real and
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
    select
        observations.indicator,
        observations.municipality_code,
        observations.year,
        observations.source_id,
        any_value(source_precedence.kind) as kind,
        any_value(source_precedence.kind_rank) as kind_rank,
        any_value(source_precedence.retrieved_at) as retrieved_at,
        count(observations.value) as known_cells,
        bool_or(observations.category = 'total' and observations.value is not null) as has_total
    from observations
    inner join source_precedence on observations.source_id = source_precedence.source_id
    group by all
),

winners as (
    select
        *,
        row_number() over (
            partition by indicator, municipality_code, year
            -- generated data last, always (it never fills what a real source left empty);
            -- among real sources a breakdown with its total first (an import lacking parts
            -- never replaces a complete total); then by kind; within a kind the fuller
            -- breakdown (a fetched table with every category beats an extract with only the
            -- total), then the latest retrieval or import
            order by
                kind = 'sample' asc, has_total desc, kind_rank asc, known_cells desc,
                retrieved_at desc nulls last, source_id desc
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
        on
            observations.indicator = winners.indicator
            and observations.municipality_code = winners.municipality_code
            and observations.year = winners.year
            and observations.source_id = winners.source_id
    where winners.precedence_rank = 1
)

select * from final
