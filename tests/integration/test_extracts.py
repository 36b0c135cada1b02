"""The shipped real-data extracts: rebuilt from the public files, identical; used by default."""

from __future__ import annotations

import json

import pytest

from data_pipeline import extracts
from tests.conftest import PROJECT_ROOT, SHARED

REAL = SHARED / "data" / "real"
SHIPPED = PROJECT_ROOT / "data" / "extracts"


@pytest.mark.skipif(not REAL.is_dir(), reason="the public source files are not present")
def test_the_extracts_rebuild_identically_from_the_public_files(tmp_path):
    pytest.importorskip("shapely")
    written = extracts.rebuild(REAL, tmp_path)
    for path in written:
        assert path.read_bytes() == (SHIPPED / path.name).read_bytes(), path.name


def test_the_extracts_are_small_and_keep_only_what_the_store_uses():
    sizes = {p.name: p.stat().st_size for p in SHIPPED.iterdir()}
    assert sum(sizes.values()) < 400_000, sizes
    outlines = json.loads((SHIPPED / "gemeenten_2022.geojson").read_text("utf-8"))
    assert len(outlines["features"]) == 345
    assert set(outlines["features"][0]["properties"]) == {"statcode", "statnaam"}


def test_by_default_the_volunteering_page_shows_the_real_health_monitor(
    default_store, pointed_at, panel_rows, texts
):
    from dashboard.pages import vrijwilligers

    with pointed_at(default_store):
        layout = vrijwilligers.layout(gemeente="GM0351")
    rows = {
        r["Jaar"]: r
        for r in panel_rows(layout, "vrijwilligers-monitor")
        if r["Reeks"] == "Woudenberg"
    }
    assert rows[2016]["Waarde"] == 38.0 and rows[2020]["Waarde"] == 32.7  # PROVENANCE.md's cells
    assert rows[2016]["Status"] == "Officieel" and rows[2016]["Bron"].startswith("RIVM/CBS")
    assert "Bron: RIVM/CBS, Gezondheid per wijk en buurt" in texts(layout)


def test_by_default_per_inhabitant_figures_for_woudenberg_rest_on_cbs_population(
    default_store, pointed_at
):
    from dashboard import queries, runtime

    with pointed_at(default_store):
        kpis = queries.kpi_headlines(runtime.current().store.current(), "GM0351")
    spend = kpis[(kpis["kpi"] == "youth_spend") & (kpis["year"] == 2022)].iloc[0]
    assert spend["rate_source_id"] == "extract:85318NED"  # Kerncijfers wijken en buurten 2022
