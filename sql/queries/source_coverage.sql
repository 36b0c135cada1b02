-- Used by pages/gegevens.py: every source in the store with what it covers.
select
    coverage.source_id,
    coverage.kind,
    coverage.publisher,
    coverage.title,
    coverage.reference,
    coverage.published_on,
    coverage.retrieved_at,
    coverage.licence,
    coverage.url,
    coverage.is_demo,
    coverage.first_year,
    coverage.last_year,
    coverage.observations,
    coverage.regions,
    coverage.indicators,
    coverage.status
from marts.mart_source_coverage as coverage
order by coverage.is_demo, coverage.kind, coverage.publisher, coverage.title
