-- Used by /gegevens: what this release changed against the one before it, per indicator.
select
    changes.indicator,
    indicator.label_nl as indicator_label,
    changes.change,
    changes.cells,
    changes.places,
    changes.years
from marts.mart_release_changes as changes
left join core.dim_indicator as indicator on changes.indicator = indicator.indicator
order by indicator.label_nl, changes.change
