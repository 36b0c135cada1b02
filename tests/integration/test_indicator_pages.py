"""The four indicator pages on the fixture store: values, suppression, sources, bad links."""

from __future__ import annotations

import importlib

import pytest

from tests.conftest import fixture_csv
from tests.unit.test_kpi_card import texts

PAGES = ["jeugdhulp", "verwijzingen", "uitgaven", "vrijwilligers"]


def page_module(name: str):
    return importlib.import_module(f"dashboard.pages.{name}")


def find(component, predicate):
    """All components in a tree for which predicate holds."""
    found = [component] if predicate(component) else []
    children = getattr(component, "children", None)
    if children is None:
        return found
    for child in children if isinstance(children, list) else [children]:
        found += find(child, predicate)
    return found


def panel_rows(layout, panel: str) -> list[dict]:
    stores = find(
        layout, lambda c: getattr(c, "id", None) == {"type": "sk-panel-data", "panel": panel}
    )
    return stores[0].data["rows"]


def fixture_value(indicator: str, code: str, year: int, category: str) -> float:
    rows = fixture_csv("observations.csv")
    match = rows[
        (rows["indicator"] == indicator)
        & (rows["municipality_code"] == code)
        & (rows["year"] == str(year))
        & (rows["category"] == category)
    ]
    return float(match["value"].item())


@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders_for_every_municipality_with_sources(dash_app, name):
    from dashboard import queries

    for code in queries.regions_with_data()["municipality_code"]:
        shown = " ".join(texts(page_module(name).layout(gemeente=code)))
        assert "Bron:" in shown, (name, code)


def test_jeugdhulp_trend_download_rows_are_the_store_values(dash_app):
    layout = page_module("jeugdhulp").layout(gemeente="GM0351", maat="aantal")
    rows = [r for r in panel_rows(layout, "jeugdhulp-trend") if r["Reeks"] == "Woudenberg"]
    expected = {
        year: fixture_value("youth_care_clients", "GM0351", year, "total")
        for year in range(2018, 2023)
    }
    assert {r["Jaar"]: r["Waarde"] for r in rows} == expected


def test_verwijzingen_share_of_gp_is_computed_from_inputs(dash_app):
    layout = page_module("verwijzingen").layout(gemeente="GM0345")
    rows = [r for r in panel_rows(layout, "verwijzingen-trend") if r["Reeks"] == "Veenendaal"]
    gp = fixture_value("youth_care_trajectories", "GM0345", 2020, "gp")
    total = fixture_value("youth_care_trajectories", "GM0345", 2020, "total")
    assert {r["Jaar"]: r["Waarde"] for r in rows}[2020] == round(100 * gp / total, 1)


def test_breakdown_download_shows_suppressed_cells_as_below_threshold(dash_app):
    layout = page_module("jeugdhulp").layout(gemeente="GM0351", maat="aantal")
    rows = panel_rows(layout, "jeugdhulp-breakdown")
    probation = [r for r in rows if r["Categorie"] == "Jeugdreclassering"]
    assert probation and all(r["Waarde"] == "<10" for r in probation)
    numbers = [r["Waarde"] for r in rows if not isinstance(r["Waarde"], str)]
    assert all(not (0 < value < 10) for value in numbers)


def test_drilldown_from_link_shows_the_selected_year_and_category(dash_app):
    layout = page_module("verwijzingen").layout(gemeente="GM0351", jaar="2020", categorie="gp")
    shown = " ".join(texts(layout))
    assert "Detail 2020" in shown and "Huisarts: Woudenberg en vergelijkingsgroep" in shown


def test_documented_figures_are_marked_and_cited(dash_app):
    shown = " ".join(texts(page_module("jeugdhulp").layout(gemeente="GM0351", maat="aantal")))
    assert "zijn cijfers die een brondocument noemt" in shown
    assert "Bron: VNG Magazine" in shown


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ({"maat": "absoluut"}, "'maat'"),
        ({"vergelijking": "wereld"}, "'vergelijking'"),
        ({"van": "1990"}, "'van'"),
        ({"selectie": "GM9999", "vergelijking": "selectie"}, "GM9999"),
        ({"gemeente": "GM9999"}, "GM9999"),
    ],
)
def test_bad_parameters_are_named_next_to_the_default_view(dash_app, query, fragment):
    shown = " ".join(texts(page_module("uitgaven").layout(**query)))
    assert fragment in shown and "Deze link klopt niet helemaal" in shown
    assert "Uitgaven Woudenberg" in shown


def test_trend_is_annotated_with_the_cooperative_start_from_the_case_file(dash_app):
    layout = page_module("jeugdhulp").layout(gemeente="GM0351")
    graphs = find(layout, lambda c: getattr(c, "id", None) == "jeugdhulp-trend-graph")
    labels = [a.text for a in graphs[0].figure.layout.annotations]
    assert "Start Coöperatie De Kleine Schans (2018-01)" in labels


@pytest.mark.parametrize("name", [*PAGES, "kerncijfers", "casussen", "gegevens"])
def test_component_ids_are_unique_on_every_page(dash_app, name):
    layout = page_module(name).layout()
    ids = [str(c.id) for c in find(layout, lambda c: getattr(c, "id", None) is not None)]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
