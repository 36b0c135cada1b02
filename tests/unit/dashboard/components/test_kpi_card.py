"""KPI cards: direction of change, sample markers, breaks in series, and provenance."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.components.kpi_card import kpi_card
from dashboard.components.kpi_changes import (
    KpiDefinition,
    Side,
    change_against,
    format_kpi_value,
)
from dashboard.text.labels import SAMPLE_BADGE

CLIENTS = KpiDefinition(
    "youth_care_clients",
    "Jongeren met jeugdhulp",
    "jongeren",
    "Def.",
    False,
    rate_unit="per 1.000 jongeren",
)
VOLUNTEERS = KpiDefinition(
    "volunteers_and_buddies", "Vrijwilligers en maatjes", "personen", "Def.", True
)
GP_SHARE = KpiDefinition(
    "gp_referral_share", "Verwijzingen door de huisarts", "%", "Def.", False, decimals=1
)
SPEND = KpiDefinition("youth_spend", "Uitgaven jeugdhulp", "euro", "Def.", False)
CBS = ("cbs:85099NED",)
SOURCES = pd.DataFrame(
    [
        {
            "publisher": "CBS",
            "title": "Jeugdzorg; regio",
            "reference": "85099NED",
            "date": "2024-06-01",
            "is_demo": False,
        }
    ]
)


def real(value: float | None, sources: tuple[str, ...] = CBS) -> Side:
    return Side(value, False, sources)


def test_lower_is_better_kpi_calls_a_decrease_favourable():
    change = change_against(CLIENTS, real(311), real(370), "t.o.v. 2019")
    # (311 - 370) / 370 = -15.95 %
    assert change.verdict == "gunstig" and change.text == "−15,9%"


def test_higher_is_better_kpi_calls_a_decrease_unfavourable():
    assert change_against(VOLUNTEERS, real(90), real(100), "x").verdict == "ongunstig"


def test_percentage_kpi_changes_in_points():
    assert change_against(GP_SHARE, real(20.0), real(25.5), "x").text == "−5,5 procentpunt"


def test_a_small_base_gives_the_difference_not_a_percentage():
    # 26 -> 52 buddies is '+26', not '+100,0%'
    assert change_against(VOLUNTEERS, real(52), real(26), "x").text == "+26"


def test_a_comparison_with_a_generated_value_is_marked_and_not_judged():
    change = change_against(CLIENTS, real(311), Side(370, True, CBS), "t.o.v. 2018")
    assert change.verdict is None and SAMPLE_BADGE.lower() in (change.note or "")


@pytest.mark.parametrize("earlier_sources", [("sample:v2",), ("cbs-jeugdzorg-2015",)])
def test_a_change_of_series_is_a_break_in_the_series(earlier_sources):
    change = change_against(CLIENTS, real(311), Side(370, False, earlier_sources), "x")
    assert change.text is None and change.verdict is None and "breuk" in (change.note or "")


def test_missing_earlier_value_is_said_not_hidden():
    assert change_against(SPEND, real(10.0), real(None), "x").text is None


def test_kpi_value_formats():
    assert format_kpi_value(SPEND, 2_250_000) == "€ 2.250.000"
    assert format_kpi_value(GP_SHARE, 23.16) == "23,2%"
    assert format_kpi_value(CLIENTS, None) == "geen gegevens"


def trend(value_demo: bool, *, previous_demo: bool = False) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [2021, 2022],
            "value": [330.0, 311.0],
            "rate": [100.0, 94.2],
            "is_demo": [previous_demo, value_demo],
            "rate_is_demo": [False, False],
            "is_provisional": [False, False],
            "source_ids": [list(CBS), list(CBS)],
            "series_keys": [["cbs-jeugdzorg-2021"], ["cbs-jeugdzorg-2021"]],
            "previous_year": [2020, 2021],
            "value_previous_year": [350.0, 330.0],
            "previous_is_demo": [False, previous_demo],
            "previous_source_ids": [list(CBS), list(CBS)],
            "previous_series_keys": [["cbs-jeugdzorg-2021"], ["cbs-jeugdzorg-2021"]],
            "baseline_year": [None, None],
        }
    )


def test_card_shows_value_rate_judged_change_and_source(texts):
    shown = texts(kpi_card(CLIENTS, trend(False), year=2022, sources=SOURCES, card_id="c"))
    assert "311 jongeren" in shown and "94,2 per 1.000 jongeren" in shown
    assert "t.o.v. 2021: " in shown and "(gunstig)" in shown
    assert "Bron: CBS 85099NED (2024)" in shown  # visible without opening the details
    assert "CBS, Jeugdzorg; regio (85099NED), 1 juni 2024" in shown  # in the details
    assert SAMPLE_BADGE not in shown


def test_an_amount_per_inhabitant_is_written_in_the_same_euro_style(texts):
    spend = KpiDefinition(
        "youth_spend", "Uitgaven", "euro", "Def.", False, rate_unit="euro per inwoner"
    )
    shown = texts(kpi_card(spend, trend(False), year=2022, sources=SOURCES, card_id="c"))
    assert "€ 311" in shown and "€ 94,2 per inwoner" in shown and "euro" not in shown


def test_card_with_a_generated_previous_year_is_marked_and_not_judged(texts):
    shown = texts(
        kpi_card(CLIENTS, trend(False, previous_demo=True), year=2022, sources=SOURCES, card_id="c")
    )
    assert "(gunstig)" not in shown and "geen oordeel" in shown


def test_card_marks_sample_data(texts):
    assert SAMPLE_BADGE in texts(
        kpi_card(CLIENTS, trend(True), year=2022, sources=SOURCES, card_id="c")
    )


def test_card_says_which_year_it_shows_and_why_not_the_chosen_one(texts):
    note = "De bron heeft voor Woudenberg (nog) geen cijfer over 2023."
    shown = texts(
        kpi_card(CLIENTS, trend(False), year=2022, sources=SOURCES, card_id="c", note=note)
    )
    assert "Cijfer over 2022" in shown and note in shown and "311 jongeren" in shown


def test_a_card_without_any_number_stays_and_says_why(texts):
    note = "Hiervoor bestaat geen openbare bron."
    shown = texts(
        kpi_card(
            CLIENTS,
            trend(False).iloc[0:0],
            year=None,
            sources=SOURCES.iloc[0:0],
            card_id="c",
            note=note,
        )
    )
    assert "Jongeren met jeugdhulp" in shown and "geen cijfer" in shown and note in shown


def test_no_verdict_inside_the_publishers_rounding():
    # CBS rounds counts to 5: 320 and 325 may both be 322 or 323; no 'gunstig' on that change.
    current = Side(320, False, CBS, 317.5, 322.5, is_provisional=True)
    earlier = Side(325, False, CBS, 322.5, 327.5)
    change = change_against(CLIENTS, current, earlier, "t.o.v. 2022")
    assert change.verdict is None and "binnen de afronding" in (change.note or "")
    assert "voorlopige cijfers" in (change.note or "") and change.text == "−1,5%"


def test_a_change_beyond_rounding_is_judged_and_a_provisional_side_is_said():
    current = Side(300, False, CBS, 297.5, 302.5, is_provisional=True)
    earlier = Side(325, False, CBS, 322.5, 327.5)
    change = change_against(CLIENTS, current, earlier, "t.o.v. 2022")
    assert change.verdict == "gunstig" and change.note == "voorlopige cijfers"
