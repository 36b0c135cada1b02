"""Case collection filters and figures."""

from __future__ import annotations

import pandas as pd

from dashboard.case_view import filter_cases, parse_filters
from dashboard.figures.cases import ladder_figure, timeline_figure

OVERVIEW = pd.DataFrame(
    {
        "case_id": ["a", "b", "c"],
        "case_name": ["Kulturhus", "WatTwest", "BOOT"],
        "summary": ["dorpshuis", "sociale onderneming", "buurtwinkel"],
        "municipality_label": ["Berkelland", "Tilburg", "Amsterdam"],
        "neighbourhood": ["Beltrum", None, "Zuidoost"],
        "province_name": ["Gelderland", "Noord-Brabant", "Noord-Holland"],
        "themes": [["leefbaarheid"], ["werk_en_inkomen", "leefbaarheid"], ["onderwijs"]],
        "ladder_steps": [["loslaten", "faciliteren"], ["faciliteren", "reguleren"], ["stimuleren"]],
        "start_year": [2008, 2011, 2006],
        "period_end_year": [2014, None, 2011],
    }
)


def ids(query: dict[str, str]) -> list[str]:
    return filter_cases(OVERVIEW, parse_filters(query, OVERVIEW))["case_id"].tolist()


def test_filters_combine():
    assert ids({}) == ["a", "b", "c"]
    assert ids({"thema": "leefbaarheid"}) == ["a", "b"]
    assert ids({"thema": "leefbaarheid", "trede": "reguleren"}) == ["b"]
    assert ids({"provincie": "Noord-Holland"}) == ["c"]
    assert ids({"zoek": "zuidoost"}) == ["c"]
    assert ids({"van": "2012"}) == ["a", "b"]  # active in or after 2012 (open end counts)
    assert ids({"tot": "2007"}) == ["c"]


def test_bad_filter_values_are_named_and_ignored():
    filters = parse_filters(
        {"thema": "sport", "trede": "x", "van": "1900", "kleur": "rood"}, OVERVIEW
    )
    names = {p.parameter for p in filters.problems}
    assert names == {"thema", "trede", "van", "kleur"}
    assert filter_cases(OVERVIEW, filters)["case_id"].tolist() == ["a", "b", "c"]


def test_timeline_marks_year_only_dates_hollow():
    timeline = pd.DataFrame(
        {
            "case_name": ["A", "A"],
            "year_fraction": [2018 + 0.5 / 12, 2020.5],
            "is_year_only": [False, True],
            "date_text": ["2018-01", "2020"],
            "description": ["Start", "Evaluatie"],
        }
    )
    trace = timeline_figure(timeline).data[0]
    assert list(trace.marker.symbol) == ["diamond", "circle-open"]


def test_ladder_shows_overall_and_shifts():
    ladder = pd.DataFrame(
        {
            "case_name": ["A", "A", "A"],
            "step_rank": [2, 4, 2],
            "is_overall": [True, False, False],
            "from_year": [None, 2011, 2013],
            "to_year": [None, 2012, None],
        }
    )
    figure = ladder_figure(ladder)
    assert list(figure.data[0].x) == [2]
    assert list(figure.data[1].text) == ["2011–2012", "2013–"]
