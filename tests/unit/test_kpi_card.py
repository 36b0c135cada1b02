"""KPI cards: direction of change, formatting, and provenance in the component tree."""

from __future__ import annotations

import pandas as pd

from dashboard.components.kpi_card import change_against, format_kpi_value, kpi_card
from dashboard.labels import KPIS, SAMPLE_BADGE


def texts(component) -> list[str]:
    """Every string in a component tree, depth first."""
    if isinstance(component, str):
        return [component]
    if isinstance(component, (list, tuple)):
        return [text for child in component for text in texts(child)]
    children = getattr(component, "children", None)
    if children is None:
        return []
    if not isinstance(children, list):
        children = [children]
    return [text for child in children for text in texts(child)]


SOURCES = pd.DataFrame(
    [
        {
            "source_id": "s",
            "kind": "document",
            "publisher": "VNG Magazine",
            "title": "Artikel",
            "reference": "002, regel 30",
            "published_on": "2023-10-13",
            "retrieved_at": None,
            "licence": "",
            "url": None,
            "is_demo": False,
        }
    ]
)


def trend(is_demo: bool) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [2021, 2022],
            "value": [330.0, 311.0],
            "rate": [100.0, 94.2],
            "value_previous_year": [350.0, 330.0],
            "value_baseline": [372.0, 372.0],
            "baseline_year": [2018, 2018],
            "is_demo": [is_demo] * 2,
            "is_provisional": [False, False],
        }
    )


def test_lower_is_better_kpi_calls_a_decrease_favourable():
    change = change_against(KPIS["youth_care_clients"], 311, 370, "t.o.v. 2019")
    assert change.verdict == "gunstig" and change.text == "−15,9%"


def test_higher_is_better_kpi_calls_a_decrease_unfavourable():
    assert change_against(KPIS["volunteers_and_buddies"], 90, 100, "x").verdict == "ongunstig"


def test_percentage_kpi_changes_in_points():
    assert change_against(KPIS["gp_referral_share"], 20.0, 25.5, "x").text == "−5,5 procentpunt"


def test_missing_earlier_value_is_said_not_hidden():
    assert change_against(KPIS["youth_spend"], 10.0, None, "x").text is None


def test_kpi_value_formats():
    assert format_kpi_value(KPIS["youth_spend"], 2_250_000) == "€ 2.250.000"
    assert format_kpi_value(KPIS["gp_referral_share"], 23.16) == "23,2%"
    assert format_kpi_value(KPIS["youth_care_clients"], None) == "geen gegevens"


def test_card_shows_value_changes_source_and_no_sample_badge_for_real_data():
    card = kpi_card(
        KPIS["youth_care_clients"], trend(False), year=2022, sources=SOURCES, card_id="c"
    )
    shown = " ".join(texts(card))
    assert "311 jongeren" in shown and "94,2 per 1.000 jongeren" in shown
    assert "t.o.v. 2021: " in shown and "(gunstig)" in shown
    assert "Bron: VNG Magazine, Artikel, 002, regel 30; gepubliceerd 13 oktober 2023" in shown
    assert "Bron: VNG Magazine (2023)" in shown  # visible without opening 'Over dit cijfer'
    assert "Dit aantal staat in een brondocument: VNG Magazine" in shown
    assert SAMPLE_BADGE not in shown


def test_card_marks_sample_data():
    card = kpi_card(
        KPIS["youth_care_clients"], trend(True), year=2022, sources=SOURCES, card_id="c"
    )
    assert SAMPLE_BADGE in " ".join(texts(card))
