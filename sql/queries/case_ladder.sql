-- Used by the ladder charts on /casussen and the case pages. Parameters: $case_id (null: all).
select *
from marts.mart_case_ladder as ladder
where $case_id is null or ladder.case_id = $case_id
order by ladder.case_name, ladder.period, ladder.step_rank
