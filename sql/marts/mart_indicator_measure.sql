-- Grain: one row per indicator per region per year per category per measure.
-- Measures: count (or eur / pct as published), per_1000_youth, per_1000_inhabitants,
-- per_inhabitant, per_client (euros per young person in care) and share_pct (of the total).
-- A rate is demo data when its numerator or its denominator is; suppressed counts stay null.
with

observations as (
    select * from core.fct_observation
),

population as (
    select * from core.int_population_year
),

clients as (
    select municipality_code, year, value as clients, is_demo, source_id
    from observations
    where indicator = 'youth_care_clients' and category = 'total'
),

totals as (
    select indicator, municipality_code, year, value as group_total, is_demo
    from observations
    where category = 'total'
),

enriched as (
    select
        observations.*,
        population.inhabitants,
        population.youth_0_17,
        population.is_demo as population_is_demo,
        population.source_ids[1] as population_source_id,
        clients.clients,
        clients.is_demo as clients_is_demo,
        clients.source_id as clients_source_id,
        totals.group_total,
        totals.is_demo as total_is_demo
    from observations
    left join population
        on observations.municipality_code = population.municipality_code
        and observations.year = population.year
    left join clients
        on observations.municipality_code = clients.municipality_code
        and observations.year = clients.year
    left join totals
        on observations.indicator = totals.indicator
        and observations.municipality_code = totals.municipality_code
        and observations.year = totals.year
    where observations.indicator <> 'population'
),

measures as (
    select
        indicator, municipality_code, year, category,
        'count' as measure,
        value,
        is_demo,
        source_id,
        cast(null as varchar) as denominator_source_id
    from enriched
    union all
    select
        indicator, municipality_code, year, category,
        'per_1000_youth',
        round(1000.0 * value / nullif(youth_0_17, 0), 1),
        is_demo or coalesce(population_is_demo, false),
        source_id,
        population_source_id
    from enriched
    where indicator in ('youth_care_clients', 'youth_care_trajectories')
    union all
    select
        indicator, municipality_code, year, category,
        'per_1000_inhabitants',
        round(1000.0 * value / nullif(inhabitants, 0), 2),
        is_demo or coalesce(population_is_demo, false),
        source_id,
        population_source_id
    from enriched
    where indicator in ('volunteers_registered', 'buddies_registered')
    union all
    select
        indicator, municipality_code, year, category,
        'per_inhabitant',
        round(value / nullif(inhabitants, 0), 2),
        is_demo or coalesce(population_is_demo, false),
        source_id,
        population_source_id
    from enriched
    where indicator in ('spend_realised_eur', 'spend_budget_eur')
    union all
    select
        indicator, municipality_code, year, category,
        'per_client',
        round(value / nullif(clients, 0), 0),
        is_demo or coalesce(clients_is_demo, false),
        source_id,
        clients_source_id
    from enriched
    where indicator in ('spend_realised_eur', 'spend_budget_eur')
    union all
    select
        indicator, municipality_code, year, category,
        'share_pct',
        round(100.0 * value / nullif(group_total, 0), 1),
        is_demo or coalesce(total_is_demo, false),
        source_id,
        source_id
    from enriched
    where category <> 'total' and indicator not like '%_pct'
),

final as (
    select
        measures.indicator,
        measures.municipality_code,
        measures.year,
        measures.category,
        measures.measure,
        measures.value,
        observations.is_suppressed,
        measures.is_demo,
        observations.is_provisional,
        measures.source_id,
        measures.denominator_source_id
    from measures
    inner join observations
        on measures.indicator = observations.indicator
        and measures.municipality_code = observations.municipality_code
        and measures.year = observations.year
        and measures.category = observations.category
)

select * from final
