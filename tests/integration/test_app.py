"""The app on the fixture store: health, Dutch shell, the Kerncijfers layout and callbacks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import fixture_csv, publish_fixture_store
from tests.unit.test_kpi_card import texts


def fixture_total(indicator: str, code: str, year: int) -> int:
    rows = fixture_csv("observations.csv")
    match = rows[(rows["indicator"] == indicator) & (rows["municipality_code"] == code)
                 & (rows["year"] == str(year)) & (rows["category"] == "total")]
    return int(match["value"].item())


@pytest.fixture()
def client(dash_app):
    return dash_app.server.test_client()


def test_health_reports_the_published_store(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ok"
    assert response.get_json()["store_built_at"]


def test_index_is_dutch_without_updating_title(client):
    html = client.get("/?gemeente=GM0351&jaar=2022").get_data(as_text=True)
    assert '<html lang="nl">' in html
    assert "Updating" not in html and "Kerncijfers · Sociaal Kompas" in html


def test_kerncijfers_layout_shows_four_cards_with_store_values(dash_app):
    from dashboard.pages import kerncijfers

    shown = " ".join(texts(kerncijfers.layout(gemeente="GM0351", jaar="2022")))
    assert "Kerncijfers Woudenberg 2022" in shown
    clients = fixture_total("youth_care_clients", "GM0351", 2022)
    assert f"{clients} jongeren" in shown
    for title in ("Jongeren met jeugdhulp", "Verwijzingen door de huisarts",
                  "Uitgaven specialistische jeugdhulp", "Vrijwilligers en maatjes"):
        assert title in shown
    assert "Bron: CBS, Testtabel jeugdhulp (fixture)" in shown


def test_kerncijfers_layout_with_bad_parameters_names_them_and_shows_default(dash_app):
    from dashboard.pages import kerncijfers

    shown = " ".join(texts(kerncijfers.layout(gemeente="GM9999", jaar="1999", x="1")))
    assert "'GM9999'" in shown and "Voor 1999 zijn geen gegevens" in shown and "'x'" in shown
    assert "Kerncijfers Woudenberg 2022" in shown  # default municipality, latest year


def test_write_link_callback_keeps_non_defaults_only(dash_app):
    from dashboard.pages import kerncijfers

    assert kerncijfers.write_link("GM0351", 2020) == "?jaar=2020"
    assert kerncijfers.write_link("GM0345", 2022) == "?gemeente=GM0345&jaar=2022"


def test_footer_names_sources_and_store_date(dash_app):
    from dashboard import queries
    from dashboard.app import footer_content

    shown = " ".join(texts(footer_content(queries.store_info(),
                                          queries.source_coverage().to_dict("records"))))
    assert "Gegevens gepubliceerd op" in shown and "CBS (Testtabel jeugdhulp (fixture))" in shown
    assert "Voorbeeldgegevens" in shown  # Leusden is sample data


def test_app_picks_up_a_newly_published_store_without_restart(dash_app, pipeline_settings, store):
    from dashboard import queries

    before = queries.store_info()["built_at"]
    os.utime(store, ns=(0, 0))  # make sure the next publish changes the mtime
    publish_fixture_store(pipeline_settings)
    # Same content, new file: the built_at stamp tells the versions apart.
    assert Path(store).exists()
    after = queries.store_info()
    assert after["built_at"] >= before
    assert queries.headline_kpis("GM0351").shape[0] > 0


def test_gegevens_lists_every_source_with_its_status(dash_app):
    from dashboard import queries
    from dashboard.pages import gegevens

    shown = " ".join(texts(gegevens.layout()))
    for source in queries.source_coverage().itertuples():
        assert source.publisher in shown and source.title in shown
    assert "Voorbeeldgegevens" in shown and "Definitief" in shown


def test_import_templates_are_served_and_nothing_else(client):
    response = client.get("/sjablonen/vrijwilligers.csv")
    assert response.status_code == 200
    assert response.data.decode("utf-8-sig").startswith("gemeentecode;jaar;soort;werkveld;aantal")
    traversal = client.get("/sjablonen/..%2Fpyproject.toml")  # Dash may answer with its index
    assert b"[project]" not in traversal.data
    assert client.get("/sjablonen/uitgaven.xlsx").status_code == 404
