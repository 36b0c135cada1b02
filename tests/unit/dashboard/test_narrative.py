"""Sentences under the charts: level, change, small bases, markers and breaks in series."""

from __future__ import annotations

import pandas as pd

from dashboard.text.narrative import describe_change, trend_sentence

LEVEL = "In {year} kregen {value} jongeren in {name} jeugdhulp"


def series(
    values: list[float | None], *, status: str = "official", sources: list[str] | None = None
) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [2019, 2020, 2022][: len(values)],
            "value": values,
            "status": status,
            "source_id": sources or ["cbs:X"] * len(values),
        }
    )


def test_sentence_states_level_and_change():
    # (311 - 370) / 370 = -15.9 % -> "16% minder"
    sentence = trend_sentence(series([370.0, None, 311.0]), LEVEL, name="Woudenberg", decimals=0)
    assert (
        sentence == "In 2022 kregen 311 jongeren in Woudenberg jeugdhulp, 16% minder dan in 2019."
    )


def test_sentence_marks_generated_values():
    sentence = trend_sentence(
        series([370.0, 311.0], status="generated"), LEVEL, name="W", decimals=0
    )
    assert sentence.endswith("(voorbeeldgegevens).")


def test_sentence_names_a_break_instead_of_a_change_across_sources():
    data = series([370.0, 311.0], sources=["sample:v2", "cbs:85099NED"])
    sentence = trend_sentence(data, LEVEL, name="W", decimals=0)
    assert "breuk in de reeks" in sentence and "minder" not in sentence


def test_sentence_without_data_says_so():
    empty = pd.DataFrame({"year": [], "value": []})
    assert "geen" in trend_sentence(empty, "{value}", name="Renswoude", decimals=0)


def test_change_in_points_for_shares():
    assert describe_change(20.7, 24.9, in_points=True) == "4,2 procentpunt minder"


def test_change_on_a_small_base_is_a_number_not_a_percentage():
    assert describe_change(52, 26, in_points=False) == "26 meer"
    assert describe_change(311, 370, in_points=False) == "16% minder"
