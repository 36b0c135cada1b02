"""Case collection filters: parsed from the link, applied to the overview."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.cases.view import case_years, filter_cases, home_cases_first, parse_filters

OVERVIEW = pd.DataFrame(
    {
        "case_id": ["a", "b", "c"],
        "case_name": ["Kulturhus", "WatTwest", "Coöperatie BOOT"],
        "summary": ["dorpshuis", "sociale onderneming", "buurtwinkel"],
        "municipality_name": ["Berkelland", "Tilburg", "Amsterdam"],
        "neighbourhood": ["Beltrum", None, "Zuidoost"],
        "province_name": ["Gelderland", "Noord-Brabant", "Noord-Holland"],
        "themes": [["leefbaarheid"], ["werk_en_inkomen", "leefbaarheid"], ["onderwijs"]],
        "ladder_steps": [["loslaten", "faciliteren"], ["faciliteren", "reguleren"], ["stimuleren"]],
        "period_start_year": [2008, 2011, 2006],
        "period_end_year": [2014, None, 2011],
    }
)


@pytest.fixture()
def ids(vocabulary_labels):
    return lambda query: filter_cases(OVERVIEW, parse_filters(query, OVERVIEW, vocabulary_labels))[
        "case_id"
    ].tolist()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["a", "b", "c"]),
        ({"thema": "leefbaarheid"}, ["a", "b"]),
        ({"thema": "leefbaarheid", "trede": "reguleren"}, ["b"]),
        ({"provincie": "Noord-Holland"}, ["c"]),
        ({"zoek": "zuidoost"}, ["c"]),  # the neighbourhood counts as the place
        ({"zoek": "cooperatie"}, ["c"]),  # without the diaeresis
        ({"zoek": "  TILBURG "}, ["b"]),
        ({"van": "2012"}, ["a", "b"]),  # active in or after 2012; an open end counts
        ({"tot": "2007"}, ["c"]),
        ({"van": "2009", "tot": "2010"}, ["a", "c"]),
    ],
)
def test_filter_cases_combines_the_link_filters(ids, query, expected):
    assert ids(query) == expected


def test_bad_filter_values_are_named_and_ignored(vocabulary_labels):
    filters = parse_filters(
        {"thema": "sport", "trede": "x", "van": "1900"}, OVERVIEW, vocabulary_labels
    )
    messages = {p.parameter: p.message_nl for p in filters.problems}
    assert set(messages) == {"thema", "trede", "van"}
    assert "alle casussen" in messages["thema"]
    assert "2006–2014" in messages["van"]
    assert filter_cases(OVERVIEW, filters)["case_id"].tolist() == ["a", "b", "c"]


def test_a_reversed_period_is_named_and_ignored(vocabulary_labels):
    filters = parse_filters({"van": "2012", "tot": "2008"}, OVERVIEW, vocabulary_labels)
    assert [p.parameter for p in filters.problems] == ["van"]
    assert filters.first_year is None and filters.last_year is None


def test_filters_round_trip_through_the_link(vocabulary_labels):
    query = {"thema": "jeugd", "trede": "faciliteren", "provincie": "Gelderland", "van": "2008"}
    assert parse_filters(query, OVERVIEW, vocabulary_labels).query() == query


def test_case_years_span_first_start_to_last_end():
    assert case_years(OVERVIEW) == list(range(2006, 2015))
    assert case_years(OVERVIEW.iloc[0:0]) == []


def test_the_configured_municipalitys_cases_lead_and_the_rest_keep_their_order() -> None:
    cases = OVERVIEW.assign(municipality_code=["GM1859", "GM0855", "GM0363"])

    assert home_cases_first(cases, "GM0363")["case_id"].tolist() == ["c", "a", "b"]
    assert home_cases_first(cases, "GM0351")["case_id"].tolist() == ["a", "b", "c"]
