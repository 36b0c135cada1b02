-- Used by /gegevens: what this release changed against the one before it, per indicator.
select
    changes.indicator,
    indicator.label_nl as indicator_label,
    changes.change,
    changes.cells,
    changes.places,
    changes.years
from marts.mart_release_changes as changes
left join (select distinct
    indicator,
    indicator_label as label_nl
from marts.mart_measure_catalogue) as indicator
    on changes.indicator = indicator.indicator
order by indicator.label_nl, changes.change
