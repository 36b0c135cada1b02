"""Case charts for a phone: one case per row, the name written above it, the width for data."""

from __future__ import annotations

from dashboard.cases.figures import ladder_figure, timeline_figure
from dashboard.cases.phone_figures import narrow_ladder, narrow_timeline
from tests.unit.dashboard.figures.test_cases import STEPS, ladder_rows, timeline_rows

LONG = "BOOT (Buurtwinkels voor Onderwijs, Onderzoek en Talentontwikkeling)"


def test_the_narrow_ladder_puts_steps_across_and_each_case_in_a_named_row() -> None:
    ladder = ladder_rows(
        [
            ("WatTwest", 1, 4, 2011, 2012, False),
            ("WatTwest", 2, 2, 2013, None, True),
            (LONG, 0, 3, 2006, 2011, True),
        ]
    )
    wide = ladder_figure(ladder, step_labels=STEPS)
    narrow = narrow_ladder(wide)

    assert list(narrow.layout.xaxis.ticktext) == STEPS
    assert narrow.layout.yaxis.showticklabels is False
    current = next(t for t in narrow.data if t.name == "Huidige of laatst beschreven positie")
    assert sorted(current.x) == [2, 3]  # steps now run across
    names = [a.text for a in narrow.layout.annotations if a.xref == "paper"]
    assert names == ["BOOT (Buurtwinkels voor Onderwijs, Onderzoek …", "WatTwest"]  # one line
    arrow = next(a for a in narrow.layout.annotations if a.showarrow)
    assert (arrow.x, arrow.ax) == (2, 4)  # from regisseren (earlier) to faciliteren (now)
    assert list(wide.layout.xaxis.ticktext)  # the wide figure is left as it was


def test_the_narrow_timeline_names_rows_inside_and_labels_about_five_years() -> None:
    rows = [(name, f"{year}", "x") for name in ("A", "B") for year in range(2005, 2024, 3)]
    narrow = narrow_timeline(timeline_figure(timeline_rows(rows)))

    assert narrow.layout.yaxis.showticklabels is False
    assert [a.text for a in narrow.layout.annotations] == ["A", "B"]
    assert 4 <= len(narrow.layout.xaxis.ticktext) <= 7
