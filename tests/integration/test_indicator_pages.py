"""The indicator pages on the fixture store: values, suppression, sources, bad links."""

from __future__ import annotations

import importlib
import re

import pytest

PAGES = ["jeugdhulp", "verwijzingen", "uitgaven", "vrijwilligers"]


def page_module(name: str):
    return importlib.import_module(f"dashboard.pages.{name}")


@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders_for_every_region_with_sources(in_app, release, texts, name):
    from dashboard.store import queries

    for code in queries.regions_with_data(release)["municipality_code"]:
        shown = texts(page_module(name).layout(gemeente=code))
        assert "Bron:" in shown, (name, code)


def test_trend_download_rows_are_the_store_values_with_place_source_and_status(
    in_app, panel_rows, fixture_value
):
    layout = page_module("jeugdhulp").layout(gemeente="GM0351", maat="aantal")
    rows = [r for r in panel_rows(layout, "jeugdhulp-trend") if r["Reeks"] == "Woudenberg"]
    expected = {
        year: fixture_value("youth_care_clients", "GM0351", year) for year in range(2018, 2023)
    }
    assert {r["Jaar"]: r["Waarde"] for r in rows} == expected
    assert {r["Plaats"] for r in rows} == {"Woudenberg"}
    assert all(r["Bron"].startswith("CBS, Testtabel jeugdhulp (fixture)") for r in rows)
    assert {r["Status"] for r in rows} == {"Officieel", "Voorlopig"}  # 2022 is provisional


def test_a_rate_with_a_generated_denominator_is_generated(in_app, panel_rows):
    # Leusden: everything is sample data, numerator and denominator alike.
    layout = page_module("uitgaven").layout(gemeente="GM0327")  # euro per inhabitant
    rows = [r for r in panel_rows(layout, "uitgaven-trend") if r["Reeks"] == "Leusden"]
    assert rows and {r["Status"] for r in rows} == {"Gegenereerd"}
    assert all("Voorbeeldgegevens" in r["Bron noemer"] for r in rows)


def test_verwijzingen_share_of_gp_is_computed_from_inputs(in_app, panel_rows, fixture_value):
    layout = page_module("verwijzingen").layout(gemeente="GM0345")
    rows = [r for r in panel_rows(layout, "verwijzingen-trend") if r["Reeks"] == "Veenendaal"]
    gp = fixture_value("youth_care_trajectories", "GM0345", 2020, "gp")
    total = fixture_value("youth_care_trajectories", "GM0345", 2020, "total")
    assert {r["Jaar"]: r["Waarde"] for r in rows}[2020] == round(100 * gp / total, 1)


def test_breakdown_download_hides_small_cells_with_one_symbol(in_app, panel_rows):
    layout = page_module("jeugdhulp").layout(gemeente="GM0351", maat="aantal")
    rows = panel_rows(layout, "jeugdhulp-breakdown")
    symbol = next(key for key in rows[0] if key.startswith("Teken"))
    probation = [r for r in rows if r["Categorie"] == "Jeugdreclassering"]
    assert probation and all(r[symbol] == "x" and r["Waarde"] is None for r in probation)
    numbers = [r["Waarde"] for r in rows if r["Waarde"] is not None]
    assert all(not (0 < value < 10) for value in numbers)


def test_drilldown_from_link_shows_the_selected_year_and_category(in_app, texts):
    layout = page_module("verwijzingen").layout(gemeente="GM0351", jaar="2020", categorie="gp")
    shown = texts(layout)
    assert "Detail 2020" in shown and "Jeugdzorgtrajecten: Huisarts" in shown


def test_documented_figures_are_separate_points_with_their_own_definition(
    in_app, texts, panel_rows
):
    layout = page_module("jeugdhulp").layout(gemeente="GM0351", maat="aantal")
    shown = texts(layout)
    assert "eigen afbakening: Testcijfer met een eigen afbakening" in shown
    documented = [
        r for r in panel_rows(layout, "jeugdhulp-trend") if r["Reeks"] == "Genoemd in brondocument"
    ]
    assert [(r["Jaar"], r["Waarde"], r["Status"]) for r in documented] == [
        (2019, 370.0, "Uit brondocument")
    ]
    own = [
        r
        for r in panel_rows(layout, "jeugdhulp-trend")
        if r["Reeks"] == "Woudenberg" and r["Jaar"] == 2019
    ]
    assert own[0]["Bron"].startswith("CBS")  # the series keeps its own source: nothing forced on it


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"maat": "absoluut"}, "maat"),
        ({"vergelijking": "wereld"}, "vergelijking"),
        ({"van": "1990"}, "van"),
        ({"selectie": "GM9999", "vergelijking": "selectie"}, "selectie"),
        ({"gemeente": "GM9999"}, "gemeente"),
        ({"gemeente": ["GM0351", "GM0345"]}, "gemeente"),
        ({"categorie": "onbekend"}, "categorie"),
        ({"zomaar": "iets"}, "zomaar"),
    ],
)
def test_bad_parameters_are_named_next_to_the_default_view(in_app, texts, query, parameter):
    shown = texts(page_module("uitgaven").layout(**query))
    assert (
        re.search(rf"Parameter '\s+{parameter}\s+' \(waarde", shown)
        and "Deze link klopt niet" in shown
    )
    assert "Uitgaven Woudenberg" in shown


def test_trend_is_annotated_with_the_cooperative_start_from_the_case_file(in_app, find, texts):
    layout = page_module("jeugdhulp").layout(gemeente="GM0351")
    graphs = find(layout, lambda c: getattr(c, "id", None) == "jeugdhulp-trend-graph")
    annotations = graphs[0].figure.layout.annotations
    start = next(
        a for a in annotations if (a.hovertext or "").startswith("Start Coöperatie De Kleine")
    )
    # The chart carries the event's number; the list under it says what it is.
    events = find(layout, lambda c: "sk-events" in (getattr(c, "className", "") or ""))
    listed = list(events[0].children[1].children)
    assert texts(listed[int(start.text) - 1]).startswith("Start Coöperatie De Kleine Schans")


@pytest.mark.parametrize("name", [*PAGES, "kerncijfers", "casussen", "gegevens"])
def test_component_ids_are_unique_on_every_page(in_app, find, name):
    layout = page_module(name).layout()
    ids = [str(c.id) for c in find(layout, lambda c: getattr(c, "id", None) is not None)]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_an_indicator_pages_controls_come_from_one_declaration(app_client):
    """The link parameters, the component ids and the callback's inputs all read CONTROLS:
    adding a control to the indicator pages is one line there (and its parser)."""
    from dashboard.indicators.state import CLICKED, CONTROLS, PARAMETERS, component_ids

    names = [control.name for control in CONTROLS]
    assert list(PARAMETERS) == [*names, *CLICKED]
    callbacks = {d["output"]: d for d in app_client.get("/_dash-dependencies").get_json()}
    for page in ("jeugdhulp", "verwijzingen", "uitgaven", "vrijwilligers"):
        ids = component_ids(page)
        inputs = [item["id"] for item in callbacks[f"{ids['url']}.search"]["inputs"]]
        assert inputs[: len(names)] == [ids[name] for name in names]
