"""Case figures: pure functions from the case marts' shape to plotly figures."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.cases.figures import ladder_figure, period_label, timeline_figure

STEPS = ["Loslaten", "Faciliteren", "Stimuleren", "Regisseren", "Reguleren"]


def timeline_rows(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """(case, date_text, description) -> the mart_case_timeline columns the figure reads."""
    frame = pd.DataFrame(rows, columns=["case_name", "date_text", "description"])
    frame["year"] = frame["date_text"].str[:4].astype(int)
    month = pd.to_numeric(frame["date_text"].str[5:7], errors="coerce")
    frame["year_fraction"] = frame["year"] + (month - 0.5).fillna(6) / 12
    frame["is_year_only"] = month.isna()
    frame["marks_start"] = False
    frame["position"] = range(len(frame))
    return frame


def ladder_rows(rows: list[tuple]) -> pd.DataFrame:
    """(case, period, step_rank, from_year, to_year, is_current) -> mart_case_ladder columns."""
    frame = pd.DataFrame(
        rows, columns=["case_name", "period", "step_rank", "from_year", "to_year", "is_current"]
    )
    frame["step"] = frame["step_rank"].map(
        {1: "loslaten", 2: "faciliteren", 3: "stimuleren", 4: "regisseren", 5: "reguleren"}
    )
    frame["description"] = "Toelichting"
    return frame


def test_timeline_places_year_only_dates_mid_year_and_hollow():
    figure = timeline_figure(timeline_rows([("A", "2018-01", "Start"), ("A", "2020", "Evaluatie")]))
    trace = figure.data[0]
    assert list(trace.x) == pytest.approx([2018 + 0.5 / 12, 2020.5])  # mid-January, mid-2020
    assert list(trace.marker.symbol) == ["diamond", "circle-open"]


def test_timeline_marks_the_start_milestone_with_a_star_and_explains_it():
    rows = timeline_rows([("A", "2017", "Statuten"), ("A", "2018-01", "Start")])
    rows.loc[1, "marks_start"] = True
    figure = timeline_figure(rows)
    assert list(figure.data[0].marker.symbol) == ["circle-open", "star"]
    legend = [trace.name for trace in figure.data if trace.name]
    assert legend == ["Datum met maand", "Alleen het jaar bekend (midden)", "Start van de casus"]


def test_timeline_shows_every_case_and_merges_milestones_on_one_date():
    rows = timeline_rows(
        [
            ("A", "2010", "Een"),
            ("A", "2010", "Twee"),
            ("B", "2012-05", "Drie"),
            ("B", "2013", "Vier"),
        ]
    )
    cases = [trace for trace in timeline_figure(rows).data if trace.showlegend is False]
    assert [trace.y[0] for trace in cases] == ["A", "B"]  # earliest case first
    assert len(cases[0].x) == 1 and "Een" in cases[0].text[0] and "Twee" in cases[0].text[0]


def test_timeline_year_labels_sit_mid_year():
    figure = timeline_figure(timeline_rows([("A", "2011", "x"), ("A", "2013", "y")]))
    assert list(figure.layout.xaxis.ticktext) == ["2011", "2012", "2013"]
    assert list(figure.layout.xaxis.tickvals) == [2011.5, 2012.5, 2013.5]


def test_ladder_puts_loslaten_at_the_bottom_and_reguleren_on_top():
    figure = ladder_figure(ladder_rows([("A", 0, 2, 2010, 2012, True)]), step_labels=STEPS)
    axis = figure.layout.yaxis
    assert list(axis.tickvals) == [1, 2, 3, 4, 5]
    assert list(axis.ticktext) == [
        "Loslaten",
        "Faciliteren",
        "Stimuleren",
        "Regisseren",
        "Reguleren",
    ]
    assert axis.range[0] < 1 < 5 < axis.range[1]  # not reversed: step 1 at the bottom


def test_ladder_shows_earlier_positions_hollow_with_an_arrow_to_the_current_one():
    ladder = ladder_rows(
        [
            ("WatTwest", 1, 4, 2011, 2012, False),
            ("WatTwest", 1, 5, 2011, 2012, False),
            ("WatTwest", 2, 2, 2013, None, True),
            ("Kulturhus", 0, 2, 2008, 2014, True),
        ]
    )
    figure = ladder_figure(ladder, step_labels=STEPS)
    markers = {trace.name: trace for trace in figure.data if trace.mode == "markers"}
    earlier, current = markers["Eerdere positie"], markers["Huidige of laatst beschreven positie"]
    assert earlier.marker.symbol == "circle-open" and current.marker.symbol == "circle"
    assert sorted(earlier.y) == [4, 5] and sorted(current.y) == [2, 2]
    (arrow,) = figure.layout.annotations  # only WatTwest shifted
    assert (arrow.ay, arrow.y) == (4.5, 2)  # from the middle of its earlier steps to the current
    assert arrow.ax < arrow.x  # earlier to the left of later
    labels = [trace for trace in figure.data if trace.mode == "text"][0].text
    assert sorted(labels) == ["2008–2014", "2011–2012", "vanaf 2013"]


def test_ladder_places_each_case_in_its_own_column():
    ladder = ladder_rows([("B", 0, 3, 2010, None, True), ("A", 0, 1, 2010, None, True)])
    figure = ladder_figure(ladder, step_labels=STEPS)
    assert list(figure.layout.xaxis.ticktext) == ["A", "B"]
    current = [trace for trace in figure.data if trace.name and "Huidige" in trace.name][0]
    assert dict(zip(current.y, current.x, strict=True)) == {1: 0, 3: 1}


def test_fixed_width_figures_drop_the_single_case_name():
    figure = ladder_figure(
        ladder_rows([("A", 0, 2, 2010, 2012, True)]), step_labels=STEPS, width=330
    )
    assert figure.layout.width == 330 and figure.layout.xaxis.showticklabels is False


@pytest.mark.parametrize(
    ("first", "last", "label"),
    [(2011, 2012, "2011–2012"), (2010, 2010, "2010"), (2013, None, "vanaf 2013"), (None, None, "")],
)
def test_period_label(first, last, label):
    assert period_label(first, last) == label


def test_text_from_a_case_file_is_shown_not_rendered_as_a_link():
    link = '<a href="https://evil.example">klik</a>'
    figure = timeline_figure(timeline_rows([(f"Casus {link}", "2018-01", link)]))
    rendered = str(figure.to_plotly_json())
    assert "<a href" not in rendered and "&lt;a href" in rendered
