"""The link callback of the indicator pages: controls and bar clicks rewrite the link."""

from __future__ import annotations

from dashboard.indicators.page import next_query


def test_bar_click_sets_year_and_category():
    click = {"points": [{"x": 2020, "customdata": ["gp"]}]}
    query = next_query(
        {"jaar": "2022"},
        {"gemeente": "GM0351", "maat": "aandeel"},
        click,
        "verwijzingen-breakdown",
        "verwijzingen-breakdown",
    )
    assert query == {"jaar": "2020", "gemeente": "GM0351", "maat": "aandeel", "categorie": "gp"}


def test_control_change_keeps_drilldown_and_release_and_ignores_stale_click():
    click = {"points": [{"x": 2020, "customdata": ["gp"]}]}
    query = next_query(
        {"jaar": "2021", "categorie": "gp", "maat": "aantal", "versie": "2026-11-25.1"},
        {"gemeente": "GM0345", "maat": "per1000", "selectie": ""},
        click,
        "verwijzingen-maat",
        "verwijzingen-breakdown",
    )
    assert query == {
        "jaar": "2021",
        "categorie": "gp",
        "versie": "2026-11-25.1",
        "gemeente": "GM0345",
        "maat": "per1000",
    }
