"""Dutch number, euro and date formats (Babel, nl_NL)."""

from __future__ import annotations

import pytest

from dashboard.text.labels import format_date, format_euro, format_number, signed


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


def test_signed_uses_a_real_minus_sign():
    assert signed(-2, "2") == "−2" and signed(3, "3") == "+3" and signed(0, "0") == "±0"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-10-13", "13 oktober 2023"),
        ("2026-11-24T19:45:52+00:00", "24 november 2026"),
        ("2011-02", "februari 2011"),
        ("2014", "2014"),
        (None, "datum onbekend"),
        ("", "datum onbekend"),
        ("2023-13-45", "datum onbekend"),
    ],
)
def test_format_date_in_dutch(text, expected):
    assert format_date(text) == expected
