"""Dutch number, euro, change and date formats."""

from __future__ import annotations

import pytest

from dashboard.labels import (
    format_date,
    format_euro,
    format_number,
    format_percent_change,
    format_point_change,
)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234.5, 1, "1.234,5"),
        (1234567, 0, "1.234.567"),
        (0.25, 2, "0,25"),
        (-1500, 0, "-1.500"),
        (None, 0, "geen gegevens"),
        (float("nan"), 1, "geen gegevens"),
    ],
)
def test_format_number_uses_dutch_separators(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_format_euro_prefixes_symbol():
    assert format_euro(3947000) == "€ 3.947.000"


def test_percent_change_is_signed_and_relative():
    # (311 - 370) / 370 = -15.95 %
    assert format_percent_change(311, 370) == "−15,9%"
    assert format_percent_change(110, 100) == "+10,0%"
    assert format_percent_change(5, 0) is None
    assert format_percent_change(None, 3) is None


def test_point_change_for_percentages():
    assert format_point_change(20.7, 24.9) == "−4,2 procentpunt"


def test_format_date_in_dutch():
    assert format_date("2023-10-13") == "13 oktober 2023"
    assert format_date("2026-11-24T19:45:52+00:00") == "24 november 2026"
    assert format_date(None) == "datum onbekend"
