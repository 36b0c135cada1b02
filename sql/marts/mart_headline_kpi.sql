-- Grain: one row per region per year per headline KPI (the four cards of the Kerncijfers page).
-- value is the card's main number, rate its companion (per 1,000 youth or per inhabitant);
-- value_previous_year and value_baseline give the changes; the baseline is the start of a
-- case in that municipality whose start milestone is marked (De Kleine Schans: January 2018),
-- else the reference year 2018, so the date has one source of truth: the case file.
with

case_starts as (
    select
        municipality_code,
        min(start_year) as baseline_year,
        'start ' || arg_min(case_name, start_year) as baseline_label
    from core.dim_case
    where case_id in (select case_id from staging.stg_case_milestones where marks_start)
    group by municipality_code
),

observations as (
    select * from core.fct_observation
),

categories as (
    select * from core.dim_category
),

population as (
    select * from core.int_population_year
),

youth_care as (
    select
        observations.municipality_code,
        observations.year,
        'youth_care_clients' as kpi,
        observations.value,
        round(1000.0 * observations.value / nullif(population.youth_0_17, 0), 1) as rate,
        observations.is_demo or coalesce(population.is_demo, false) as is_demo,
        observations.is_provisional,
        list_distinct(list_concat([observations.source_id], population.source_ids)) as source_ids
    from observations
    left join population
        on observations.municipality_code = population.municipality_code
        and observations.year = population.year
    where observations.indicator = 'youth_care_clients' and observations.category = 'total'
),

gp_share as (
    select
        municipality_code,
        year,
        'gp_referral_share' as kpi,
        round(
            100.0 * max(value) filter (where category = 'gp')
            / nullif(max(value) filter (where category = 'total'), 0),
            1
        ) as value,
        cast(null as double) as rate,
        bool_or(is_demo) as is_demo,
        bool_or(is_provisional) as is_provisional,
        list(distinct source_id) as source_ids
    from observations
    where indicator = 'youth_care_trajectories' and category in ('gp', 'total')
    group by municipality_code, year
),

youth_spend as (
    select
        observations.municipality_code,
        observations.year,
        'youth_spend' as kpi,
        sum(observations.value) as value,
        bool_or(observations.is_demo) as is_demo,
        bool_or(observations.is_provisional) as is_provisional,
        list(distinct observations.source_id) as source_ids
    from observations
    inner join categories
        on observations.indicator = categories.indicator
        and observations.category = categories.category
    where observations.indicator = 'spend_realised_eur' and categories.domain = 'youth'
    group by observations.municipality_code, observations.year
),

youth_spend_per_inhabitant as (
    select
        youth_spend.municipality_code,
        youth_spend.year,
        youth_spend.kpi,
        youth_spend.value,
        round(youth_spend.value / nullif(population.inhabitants, 0), 2) as rate,
        youth_spend.is_demo or coalesce(population.is_demo, false) as is_demo,
        youth_spend.is_provisional,
        list_distinct(list_concat(youth_spend.source_ids, population.source_ids)) as source_ids
    from youth_spend
    left join population
        on youth_spend.municipality_code = population.municipality_code
        and youth_spend.year = population.year
),

volunteers as (
    select
        municipality_code,
        year,
        'volunteers_and_buddies' as kpi,
        sum(value) as value,
        cast(null as double) as rate,
        bool_or(is_demo) as is_demo,
        bool_or(is_provisional) as is_provisional,
        list(distinct source_id) as source_ids
    from observations
    where indicator in ('volunteers_registered', 'buddies_registered') and category = 'total'
    group by municipality_code, year
),

unioned as (
    select * from youth_care
    union all by name
    select * from gp_share
    union all by name
    select * from youth_spend_per_inhabitant
    union all by name
    select * from volunteers
),

final as (
    select
        current_year.municipality_code,
        current_year.year,
        current_year.kpi,
        current_year.value,
        current_year.rate,
        previous_year.value as value_previous_year,
        baseline.value as value_baseline,
        coalesce(case_starts.baseline_year, 2018) as baseline_year,
        coalesce(case_starts.baseline_label, 'referentiejaar') as baseline_label,
        current_year.is_demo,
        current_year.is_provisional,
        current_year.source_ids
    from unioned as current_year
    left join unioned as previous_year
        on current_year.municipality_code = previous_year.municipality_code
        and current_year.kpi = previous_year.kpi
        and current_year.year = previous_year.year + 1
    left join case_starts on current_year.municipality_code = case_starts.municipality_code
    left join unioned as baseline
        on current_year.municipality_code = baseline.municipality_code
        and current_year.kpi = baseline.kpi
        and baseline.year = coalesce(case_starts.baseline_year, 2018)
)

select * from final
