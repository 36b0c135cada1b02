-- Used by the ladder charts. Parameters: $case_id (null for all cases).
select *
from marts.mart_case_ladder as ladder
where $case_id is null or ladder.case_id = $case_id
order by ladder.case_name, ladder.is_overall desc, ladder.from_year, ladder.step_rank
