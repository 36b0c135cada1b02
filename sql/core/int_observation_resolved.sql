-- Grain: one row per indicator per region per year per category: the best available value.
-- Real values (import, official, document) win over sample values, cell by cell.
with

observations as (
    select * from staging.stg_observations
),

sources as (
    select * from staging.stg_sources
),

ranked as (
    select
        observations.*,
        row_number() over (
            partition by
                observations.indicator,
                observations.municipality_code,
                observations.year,
                observations.category
            order by
                case sources.kind
                    when 'import' then 1
                    when 'official' then 2
                    when 'document' then 3
                    else 9
                end,
                observations.source_id desc  -- the latest import of the same kind wins
        ) as precedence_rank
    from observations
    inner join sources on observations.source_id = sources.source_id
    where observations.value is not null
),

final as (
    select
        indicator,
        municipality_code,
        year,
        category,
        value,
        source_id,
        is_demo,
        is_provisional
    from ranked
    where precedence_rank = 1
)

select * from final
