-- Used by /gegevens: every release this one knows of, newest first, with what it changed.
select
    history.release_id,
    history.built_at,
    history.cells_added,
    history.cells_revised,
    history.cells_removed,
    history.indicators
from marts.mart_release_history as history
order by history.built_at desc, history.release_id desc
