"""Adding an indicator is rows in the reference files plus one small page spec.

This test declares an indicator only in test copies of data/reference, loads observations for
it, builds and publishes a store with the pipeline's own code and renders its page: no other
code is touched (the walkthrough in docs/architecture.md).
"""

from __future__ import annotations

import pandas as pd

from dashboard.app import QUERY_DIR
from dashboard.indicators.page import IndicatorPage, page_layout
from dashboard.serving import runtime
from dashboard.store.db import Store
from data_pipeline.build import build_store
from data_pipeline.publish import build_audit_publish
from tests.conftest import fixture_observations_loader, fixture_settings

ROWS = {
    "indicators.csv": (
        "wmo_clients,Inwoners met Wmo-ondersteuning,Wmo-cliënten naar voorziening,cliënten,count,"
        "total,false,true,,true,,true,annual,Inwoners met een Wmo-voorziening in het jaar.,false,,0"
    ),
    "measures.csv": (
        "wmo_clients,as_published,aantal,Aantal cliënten,aantal cliënten,cliënten,1,,,0,false,"
        "false,1,In {year} hadden {value} inwoners van {name} Wmo-ondersteuning,\n"
        "wmo_clients,per_1000_inhabitants,per1000,Per 1.000 inwoners,per 1.000 inwoners,"
        "per 1.000 inwoners,1000,population,total,1,false,true,2,"
        "In {year} hadden in {name} {value} op de 1.000 inwoners Wmo-ondersteuning,"
    ),
    "categories.csv": (
        "wmo_clients,total,Wmo-cliënten,0,true\n"
        "wmo_clients,support,Begeleiding,1,false\n"
        "wmo_clients,household_help,Huishoudelijke hulp,2,false"
    ),
}


def wmo_clients(_settings, _municipalities):
    rows = [
        ("GM0351", year, category, value)
        for year in range(2018, 2023)
        for category, value in (
            ("total", 400 + year - 2018),
            ("support", 250),
            ("household_help", 150 + year - 2018),
        )
    ]
    observations = pd.DataFrame(
        rows, columns=["municipality_code", "year", "category", "value"]
    ).assign(indicator="wmo_clients", source_id="fixture:wmo", is_demo=False, is_provisional=False)
    sources = pd.DataFrame(
        [
            {
                "source_id": "fixture:wmo",
                "kind": "import",
                "publisher": "Gemeente Woudenberg",
                "title": "Wmo-registratie (fixture)",
                "reference": "wmo.csv",
                "published_on": "",
                "retrieved_at": "2026-01-01T00:00:00",
                "licence": "",
                "url": "",
                "is_demo": False,
            }
        ]
    )
    return {"observations": observations, "sources": sources}


def test_a_new_indicator_needs_only_reference_rows_and_a_page_spec(
    tmp_path, dash_app, texts, panel_rows
):
    settings = fixture_settings(tmp_path)
    for name, rows in ROWS.items():
        path = settings.data_dir / "reference" / name
        path.write_text(path.read_text("utf-8").rstrip("\n") + "\n" + rows + "\n", "utf-8")
    build_audit_publish(
        settings.db_path,
        lambda target, release_id, previous: build_store(
            settings,
            target,
            release_id=release_id,
            previous=previous,
            extra_loaders=(fixture_observations_loader, wmo_clients),
        ),
    )
    spec = IndicatorPage(
        page="wmo", title="Wmo", question="Hoeveel inwoners krijgen Wmo?", indicator="wmo_clients"
    )
    with dash_app.server.test_request_context("/wmo"):
        original = runtime.current()  # the session's app, pointed at this store for a moment
        runtime.install(
            dash_app.server, runtime.Runtime(original.settings, Store(settings.db_path, QUERY_DIR))
        )
        try:
            layout = page_layout(spec, {"maat": "aantal"})
        finally:
            runtime.install(dash_app.server, original)
    shown = texts(layout)
    assert "Wmo Woudenberg" in shown and "In 2022 hadden 404 inwoners van Woudenberg" in shown
    assert "Wmo-cliënten naar voorziening" in shown  # the breakdown panel from the catalogue
    rows = [r for r in panel_rows(layout, "wmo-trend") if r["Reeks"] == "Woudenberg"]
    assert {r["Jaar"]: r["Waarde"] for r in rows} == {
        y: 400.0 + y - 2018 for y in range(2018, 2023)
    }
