"""Releases: readable ids, atomic switch, pruning that never hurts a reader, previews, history."""

from __future__ import annotations

import os
import re

import pytest

from dashboard.app import QUERY_DIR
from dashboard.store import queries
from dashboard.store.db import ReleaseGone, Store
from data_pipeline.publish import next_release_id, release_ids
from tests.conftest import fixture_settings, publish_fixture_store


def test_releases_get_readable_ids_and_the_store_path_points_at_the_current_one(tmp_path):
    settings = fixture_settings(tmp_path)
    first, second = publish_fixture_store(settings), publish_fixture_store(settings)
    day = first.stem.split(".")[0]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}\.1", first.stem) and second.stem == f"{day}.2"
    assert os.readlink(settings.db_path) == f"releases/{second.name}"
    assert next_release_id(settings.db_path) == f"{day}.3"


def test_old_releases_are_pruned_after_the_new_one_is_current_and_a_reader_keeps_its_own(tmp_path):
    settings = fixture_settings(tmp_path)
    first = publish_fixture_store(settings, keep=2)
    store = Store(settings.db_path, QUERY_DIR)
    reader = store.current()  # attached to the first release, as a running render would be
    before = queries.store_info(reader)["release_id"]
    publish_fixture_store(settings, keep=2)
    publish_fixture_store(settings, keep=2)  # the first release is now beyond the two kept
    assert not first.exists() and len(release_ids(settings.db_path)) == 2
    assert queries.kpi_headlines(reader, "GM0351").shape[0] > 0  # still readable: open file
    assert queries.store_info(reader)["release_id"] == before
    with pytest.raises(ReleaseGone):
        Store(settings.db_path, QUERY_DIR).release(first.stem)


def test_a_link_names_only_a_well_formed_release(tmp_path):
    settings = fixture_settings(tmp_path)
    publish_fixture_store(settings)
    store = Store(settings.db_path, QUERY_DIR)
    for bad in ("../store", "2026-11-25.1/../../x", "latest", "", "2026-1-1.1"):
        with pytest.raises(ReleaseGone):
            store.release(bad)


def test_the_raw_html_of_a_link_previews_the_view(app_client):
    html = app_client.get("/?gemeente=GM0345&jaar=2021").get_data(as_text=True)
    assert (
        '<meta property="og:title" content="Kerncijfers Veenendaal 2021 — Sociaal Kompas">' in html
    )
    description = re.search(r'<meta property="og:description" content="([^"]*)"', html).group(1)
    assert "Jongeren met jeugdzorg:" in description and "officieel)" in description
    assert 'name="twitter:title"' in html or 'property="twitter:title"' in html
    hostile = app_client.get('/jeugdhulp?gemeente="><script>alert(1)</script>').get_data(
        as_text=True
    )
    assert "<script>alert(1)" not in hostile


def test_gegevens_lists_the_releases_and_what_changed(in_app, texts, release):
    from dashboard.pages import gegevens

    shown = texts(gegevens.layout())
    assert "Publicaties" in shown and release.release_id in shown


def test_a_render_reads_one_release_even_when_a_publish_lands_midway(
    tmp_path, pointed_at, monkeypatch
):
    from dashboard.pages import jeugdhulp
    from dashboard.store.db import Release

    settings = fixture_settings(tmp_path)
    publish_fixture_store(settings)
    read: list[str] = []
    original = Release.query

    def query_then_publish(self, name, **params):
        read.append(self.release_id)
        if len(read) == 1:
            # a real publish makes a new release current, mid-render
            publish_fixture_store(settings)
        return original(self, name, **params)

    monkeypatch.setattr(Release, "query", query_then_publish)
    with pointed_at(settings.db_path):
        jeugdhulp.layout()
    assert len(read) > 5 and set(read) == {read[0]}
    assert Store(settings.db_path, QUERY_DIR).current_id() != read[0]  # the publish did land


def test_an_interrupted_build_leaves_nothing_after_the_next_run(tmp_path):
    settings = fixture_settings(tmp_path)
    publish_fixture_store(settings)
    releases = settings.db_path.parent / "releases"
    left = [
        releases / "2099-01-01.1.duckdb.building",
        releases / "2099-01-01.1.duckdb.building.wal",
    ]
    for path in left:
        path.write_bytes(b"half a build")
    publish_fixture_store(settings)
    assert not list(settings.db_path.parent.rglob("*.building*"))


def test_a_release_made_by_an_older_pipeline_is_named_when_opened_not_by_a_failing_page(
    tmp_path,
):
    """After an upgrade, a pinned link to a release whose marts lack a column the app now
    reads is known as such at once: the store says so, the page says so in Dutch."""
    import duckdb

    from dashboard.serving.resilience import store_problem_text
    from dashboard.store.db import ReleaseIncompatible

    settings = fixture_settings(tmp_path)
    older = publish_fixture_store(settings)
    publish_fixture_store(settings)
    with duckdb.connect(str(older)) as database:  # what an older pipeline wrote
        database.execute("alter table marts.mart_kpi_catalogue drop column short_title_nl")

    store = Store(settings.db_path, QUERY_DIR)
    with pytest.raises(ReleaseIncompatible, match="kpi_definitions"):
        store.release(older.stem)
    assert store.current().release_id != older.stem  # the current release opens as before
    assert "andere versie van Sociaal Kompas" in store_problem_text(ReleaseIncompatible("x"))
