"""The app on the fixture store: health, Dutch shell, the Kerncijfers page, releases."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.conftest import fixture_observations_loader, later_import, publish_fixture_store


def test_health_reports_the_current_release(app_client):
    response = app_client.get("/health")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok" and body["store_built_at"] and body["release"]


def test_index_is_dutch_without_updating_title(app_client):
    html = app_client.get("/?gemeente=GM0351&jaar=2022").get_data(as_text=True)
    assert '<html lang="nl">' in html
    assert "Updating" not in html
    assert "<title>Kerncijfers Woudenberg 2022 — Sociaal Kompas</title>" in html


def test_kerncijfers_shows_every_kpi_with_store_values(in_app, texts, fixture_value):
    from dashboard.pages import kerncijfers

    shown = texts(kerncijfers.layout(gemeente="GM0351", jaar="2022"))
    assert "Kerncijfers Woudenberg 2022" in shown
    assert f"{fixture_value('youth_care_clients', 'GM0351', 2022):.0f} jongeren" in shown
    kpis = pd.read_csv("data/reference/kpis.csv")
    for title in kpis["title_nl"]:
        assert title in shown
    assert "Bron: CBS (Testtabel jeugdhulp; 2024)" in shown  # one short line
    assert "CBS, Testtabel jeugdhulp (fixture) (TEST01NED), 1 juni 2024" in shown  # the details


def test_kerncijfers_downloads_the_four_cards_with_source_and_status(
    in_app, panel_rows, fixture_value
):
    from dashboard.pages import kerncijfers

    rows = panel_rows(kerncijfers.layout(gemeente="GM0351", jaar="2022"), "kerncijfers-kaarten")
    kpis = pd.read_csv("data/reference/kpis.csv")
    assert [r["Kerncijfer"] for r in rows] == kpis["title_nl"].tolist()
    assert {r["Plaats"] for r in rows} == {"Woudenberg"}
    clients = next(r for r in rows if r["Eenheid"] == "jongeren")
    assert clients["Waarde"] == fixture_value("youth_care_clients", "GM0351", 2022)
    assert clients["Bron"].startswith("CBS") and clients["Status"]
    assert all(r["Bron"] and r["Status"] for r in rows if r["Waarde"] is not None)


def test_kerncijfers_opens_on_the_latest_year_with_real_numbers(in_app, texts):
    from dashboard.pages import kerncijfers

    # Woudenberg's fixture values are real up to 2022; the sample goes on to 2022 as well, but
    # Leusden only has sample data: its page says so above the cards.
    assert "Kerncijfers Woudenberg 2022" in texts(kerncijfers.layout(gemeente="GM0351"))
    leusden = texts(kerncijfers.layout(gemeente="GM0327"))
    assert "geen echte cijfers" in leusden


def test_kerncijfers_with_bad_parameters_names_them_and_shows_default(in_app, texts):
    from dashboard.pages import kerncijfers

    shown = texts(kerncijfers.layout(gemeente="GM9999", jaar="1999", x="1"))
    assert "GM9999" in shown and "1999" in shown and "Parameter" in shown
    assert "Kerncijfers Woudenberg 2022" in shown  # default municipality, latest real year


def test_write_link_callback_writes_municipality_year_and_a_pinned_release(in_app):
    from dashboard.pages import kerncijfers

    assert kerncijfers.write_link("GM0351", 2020, {}) == "?gemeente=GM0351&jaar=2020"
    pinned = kerncijfers.write_link("GM0345", 2022, {"versie": "2026-11-25.1"})
    assert pinned == "?gemeente=GM0345&jaar=2022&versie=2026-11-25.1"


def test_footer_names_release_sources_and_sample_marker(in_app, release, texts):
    from dashboard.app import footer_content
    from dashboard.store import queries

    info = queries.store_info(release)
    shown = texts(
        footer_content(
            info, queries.source_coverage(release).to_dict("records"), release.release_id
        )
    )
    assert f"Publicatie {release.release_id}" in shown and "CBS (Testtabel jeugdhulp)" in shown
    assert "Voorbeeldgegevens" in shown  # Leusden is sample data


# A later import: GM0327's volunteers in 2022 become 999.
LATER_IMPORT = later_import("GM0327", "Gemeente Leusden", "2026-01-01T00:00:00")


def test_app_picks_up_a_new_release_and_keeps_serving_the_old_one(in_app, pipeline_settings, store):
    from dashboard.serving import runtime
    from dashboard.store import queries
    from data_pipeline.build import build_store
    from data_pipeline.publish import build_audit_publish

    app_store = runtime.current().store
    old = app_store.current()

    def volunteers_2022(release) -> float:
        rows = queries.indicator_series(
            release, "volunteers_registered", "as_published", ["GM0327"], (2022, 2022)
        )
        return rows[rows["category"] == "total"]["value"].item()

    before = volunteers_2022(old)
    build_audit_publish(
        store,
        lambda target, release_id, previous: build_store(
            pipeline_settings,
            target,
            release_id=release_id,
            previous=previous,
            extra_loaders=(fixture_observations_loader, LATER_IMPORT),
        ),
    )
    try:
        new = app_store.current()
        assert new.release_id != old.release_id
        assert volunteers_2022(new) != before  # the running app sees the new release
        assert volunteers_2022(app_store.release(old.release_id)) == before  # and keeps the old
    finally:
        publish_fixture_store(pipeline_settings)  # later tests expect the fixture values
    assert volunteers_2022(app_store.current()) == before


def test_gegevens_lists_every_source_and_explains_the_signs(in_app, release, texts):
    from dashboard.pages import gegevens
    from dashboard.store import queries

    shown = texts(gegevens.layout())
    for source in queries.source_coverage(release).itertuples():
        assert source.publisher in shown and source.title in shown
    assert "Wat de tekens betekenen" in shown and "Geheim" in shown and "Niet gepubliceerd" in shown
    assert "Gegenereerd" in shown and "Voorlopig" in shown


@pytest.mark.parametrize("name", ["..%2Fpyproject.toml", "uitgaven.xlsx", "%2Fetc%2Fpasswd"])
def test_import_templates_are_served_and_nothing_else(app_client, name):
    response = app_client.get("/sjablonen/vrijwilligers.csv")
    assert response.status_code == 200
    assert response.data.decode("utf-8-sig").startswith("gemeentecode;jaar;soort;werkveld;aantal")
    other = app_client.get(f"/sjablonen/{name}")
    assert b"[project]" not in other.data and b"root:" not in other.data
