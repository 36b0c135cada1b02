-- Used by pages/casussen.py: key-factor themes x cases, promoting and hindering.
select *
from marts.mart_case_factor_matrix as matrix
order by matrix.theme, matrix.case_name, matrix.kind
