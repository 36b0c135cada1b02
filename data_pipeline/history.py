"""What visitors can still see of earlier releases: the cells every kept release publishes or
hides, read from those release files themselves (their public marts, never work tables).

Pinned links keep every kept release reachable, so a new release must not publish a cell that
lets a visitor subtract out a count an earlier release hid, or hide a cell behind a value an
earlier release already gave away. `suppression.suppress` takes both sets.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from data_pipeline.suppression import Cell

log = logging.getLogger(__name__)

PUBLISHED_CELLS = (
    "select m.indicator, m.municipality_code, m.year, m.category, m.value, m.is_suppressed "
    "from marts.mart_indicator_measure m "
    "join marts.mart_measure_catalogue c using (indicator, measure) "
    "where m.measure = 'as_published' and c.is_people_count"
)


@dataclass
class ReleaseHistory:
    """Cells of the kept releases: hidden in any of them, or published (with a value)."""

    hidden: set[Cell] = field(default_factory=set)
    published: dict[Cell, float] = field(default_factory=dict)

    def add(self, rows: list[tuple]) -> None:
        """Rows of one release: indicator, region, year, category, value, is_suppressed."""
        for indicator, region, year, category, value, suppressed in rows:
            cell = (indicator, region, int(year), category)
            if suppressed:
                self.hidden.add(cell)
            elif value is not None:
                self.published.setdefault(cell, float(value))


def kept_release_files(current: Path | None) -> list[Path]:
    """The release files beside the current one (all of them are reachable by a pinned link)."""
    if current is None or not current.exists():
        return []
    return sorted(p for p in current.parent.glob("*.duckdb") if p.is_file())


def read_history(files: list[Path]) -> ReleaseHistory:
    """The cells of every kept release; a release from before these marts is skipped."""
    history = ReleaseHistory()
    for path in files:
        try:
            with duckdb.connect(str(path), read_only=True) as connection:
                history.add(connection.execute(PUBLISHED_CELLS).fetchall())
        except duckdb.Error as error:  # an older layout: nothing to read
            log.info("kept release %s has no published cells to read: %s", path.name, error)
    return history
