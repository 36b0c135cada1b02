"""The app on the fixture store: health, Dutch shell, the Kerncijfers layout and callbacks."""

from __future__ import annotations

import pytest

from tests.conftest import fixture_csv, publish_fixture_store
from tests.unit.test_kpi_card import texts


def fixture_total(indicator: str, code: str, year: int) -> int:
    rows = fixture_csv("observations.csv")
    match = rows[
        (rows["indicator"] == indicator)
        & (rows["municipality_code"] == code)
        & (rows["year"] == str(year))
        & (rows["category"] == "total")
    ]
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
    for title in (
        "Jongeren met jeugdhulp",
        "Verwijzingen door de huisarts",
        "Uitgaven specialistische jeugdhulp",
        "Vrijwilligers en maatjes",
    ):
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

    shown = " ".join(
        texts(footer_content(queries.store_info(), queries.source_coverage().to_dict("records")))
    )
    assert "Gegevens gepubliceerd op" in shown and "CBS (Testtabel jeugdhulp (fixture))" in shown
    assert "Voorbeeldgegevens" in shown  # Leusden is sample data


def test_app_picks_up_a_newly_published_store_without_restart(dash_app, pipeline_settings, store):
    import pandas as pd

    from dashboard import queries
    from data_pipeline.build import build_store
    from data_pipeline.publish import build_audit_publish
    from tests.conftest import fixture_observations_loader

    def extra_volunteers(settings, municipalities):  # a later import for Leusden 2022
        sources = pd.DataFrame(
            [
                {
                    "source_id": "fixture:later",
                    "kind": "import",
                    "publisher": "Gemeente Leusden",
                    "title": "Registratie",
                    "reference": "later.csv",
                    "published_on": "",
                    "retrieved_at": "2026-01-01T00:00:00",
                    "licence": "",
                    "url": "",
                    "is_demo": False,
                }
            ]
        )
        observations = pd.DataFrame(
            [
                {
                    "indicator": "volunteers_registered",
                    "municipality_code": "GM0327",
                    "year": 2022,
                    "category": "total",
                    "value": 999.0,
                    "source_id": "fixture:later",
                    "is_demo": False,
                    "is_provisional": False,
                }
            ]
        )
        return {"observations": observations, "sources": sources}

    def volunteers_2022() -> float:
        kpis = queries.headline_kpis("GM0327")
        return kpis[(kpis["kpi"] == "volunteers_and_buddies") & (kpis["year"] == 2022)][
            "value"
        ].item()

    before = volunteers_2022()
    build_audit_publish(
        store,
        lambda target: build_store(
            pipeline_settings, target, extra_loaders=(fixture_observations_loader, extra_volunteers)
        ),
    )
    try:
        after = volunteers_2022()
        assert after != before
        kpis = queries.headline_kpis("GM0327")
        row = kpis[(kpis["kpi"] == "volunteers_and_buddies") & (kpis["year"] == 2022)].iloc[0]
        assert "fixture:later" in list(row["source_ids"])  # the running app sees the new file
    finally:
        publish_fixture_store(pipeline_settings)  # later tests expect the fixture store
    assert volunteers_2022() == before


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
