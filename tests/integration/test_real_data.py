"""Real numbers by default, for every municipality: the default store against the public files.

The default store is built from the shipped extracts only (`python -m data_pipeline run`).
Values are checked against the CBS dumps in ../shared/data/real, read here independently of
the pipeline's extract code (skipped when those files are absent).
"""

from __future__ import annotations

import importlib

import pandas as pd
import pytest

from tests.conftest import SHARED

REAL = SHARED / "data" / "real"
DUMPS = REAL / "cbs-statline-dumps"
MAIN_PAGES = ("kerncijfers", "jeugdhulp", "verwijzingen", "uitgaven", "vrijwilligers")
needs_real = pytest.mark.skipif(not DUMPS.is_dir(), reason="the public source files are absent")


def page(name: str):
    return importlib.import_module(f"dashboard.pages.{name}")


def dump(table: str) -> pd.DataFrame:
    frame = pd.read_csv(DUMPS / f"{table}.csv", sep=";", dtype=str, encoding="utf-8-sig")
    return frame.apply(lambda column: column.str.strip())


def statline_titles(year: int) -> dict[str, str]:
    """GM code -> the region title CBS uses that year ('Utrecht (gemeente)')."""
    tables = {2020: "84721NED", 2021: "84929NED", 2022: "85067NED", 2023: "85385NED"}
    frame = pd.read_csv(
        REAL / "cbs-gebieden-in-nederland" / f"{tables[year]}.csv",
        sep=";",
        dtype=str,
        encoding="utf-8-sig",
    )
    return dict(zip(frame["Code_1"].str.strip(), frame["RegioS"].str.strip(), strict=True))


def card(shown: str, title: str) -> str:
    """The text of one Kerncijfers card (from its title to the next card's title)."""
    titles = [
        "Jongeren met jeugdzorg",
        "Verwijzingen door de huisarts",
        "Uitgaven jeugdzorg",
        "Vrijwilligerswerk",
        "Publicatie",
    ]
    after = shown.split(title, 1)[1]
    ends = [after.find(t) for t in titles if t != title and after.find(t) >= 0]
    return after[: min(ends)] if ends else after


def test_kerncijfers_woudenberg_shows_cbs_figures_with_sources(default_store, pointed_at, texts):
    with pointed_at(default_store):
        shown = texts(page("kerncijfers").layout(gemeente="GM0351"))
    assert "Kerncijfers Woudenberg 2023" in shown  # the latest year with real youth-care data
    youth = card(shown, "Jongeren met jeugdzorg")
    assert "465 jongeren" in youth and "10,7 % van de jongeren tot 23 jaar" in youth
    assert "85099NED" in youth
    spend = card(shown, "Uitgaven jeugdzorg")
    assert "€ 4.348.000" in spend and "€ 4.415.000" in spend and "83454NED" in spend
    gp = card(shown, "Verwijzingen door de huisarts")
    assert "Cijfer over 2018" in gp and "afgekapt" in gp  # says why 2019-2023 are missing
    assert "Voorbeeldgegevens" not in shown


def test_kerncijfers_shows_the_documented_count_beside_the_cbs_series(
    default_store, pointed_at, texts
):
    with pointed_at(default_store):
        shown = texts(page("kerncijfers").layout(gemeente="GM0351", jaar="2022"))
    youth = card(shown, "Jongeren met jeugdzorg")
    assert "311 (2022)" in youth and "VNG Magazine" in youth and "Eigen afbakening" in youth


def test_amsterdam_2020_shows_cbs_count(default_store, pointed_at, texts):
    with pointed_at(default_store):
        shown = texts(page("kerncijfers").layout(gemeente="GM0363", jaar="2020"))
    assert "20.685 jongeren" in card(shown, "Jongeren met jeugdzorg")


@pytest.mark.parametrize("name", MAIN_PAGES)
def test_no_sample_marker_on_the_main_pages_by_default(default_store, pointed_at, texts, name):
    with pointed_at(default_store):
        shown = texts(page(name).layout(gemeente="GM0351"))
    assert "Voorbeeldgegevens" not in shown and "gegenereerd" not in shown.lower()


def test_every_municipality_in_the_list_opens_with_numbers_or_a_reason(
    default_store, pointed_at, texts
):
    from dashboard.serving import runtime
    from dashboard.store import queries

    with pointed_at(default_store):
        regions = queries.regions_with_data(runtime.current().store.current())
        for code in regions["municipality_code"]:
            shown = texts(page("kerncijfers").layout(gemeente=code))
            assert shown.count("Cijfer over") + shown.count("geen cijfer") >= 4, code
            assert "Over dit cijfer" in shown, code


def test_an_ended_municipality_names_its_successor(default_store, pointed_at, texts):
    with pointed_at(default_store):
        shown = texts(page("kerncijfers").layout(gemeente="GM0788", jaar="2022"))
    assert "Haaren bestaat sinds 2021 niet meer" in shown
    assert all(name in shown for name in ("Boxtel", "Oisterwijk", "Tilburg", "Vught"))
    assert "Kerncijfers Haaren 2020" in shown


def test_the_jeugdhulp_chart_marks_the_cbs_break_between_2020_and_2021(
    default_store, pointed_at, find, texts
):
    with pointed_at(default_store):
        layout = page("jeugdhulp").layout(gemeente="GM0351")
    graph = find(layout, lambda c: getattr(c, "id", None) == "jeugdhulp-trend-graph")[0]
    breaks = [a for a in graph.figure.layout.annotations if a.text == "breuk in de reeks"]
    assert [a.x for a in breaks] == [2020.5]
    assert "breuk in de reeks" in texts(layout)


@needs_real
@pytest.mark.parametrize("year", [2020, 2023])
def test_a_spread_of_municipalities_shows_the_cbs_values(
    default_store, pointed_at, panel_rows, year
):
    """Every 17th municipality of the year plus Woudenberg and Amsterdam: the count on the
    jeugdhulp page equals the dump's cell (84134NED up to 2020, 85099NED from 2021)."""
    table = dump("84134NED" if year <= 2020 else "85099NED")
    table = table[
        (table["VormenVanJeugdzorg"] == "JZ Totaal jeugdzorg") & (table["Perioden"] == str(year))
    ]
    titles = statline_titles(year)
    codes = sorted(titles)[::17] + ["GM0351", "GM0363"]
    with pointed_at(default_store):
        for code in codes:
            layout = page("jeugdhulp").layout(
                gemeente=code, maat="aantal", van=str(year), tot=str(year)
            )
            rows = [
                r
                for r in panel_rows(layout, "jeugdhulp-trend")
                if r["Jaar"] == year
                and r["Reeks"] not in ("Nederland",)
                and not r["Reeks"].startswith("Vergelijkingsgroep")
            ]
            expected = table.loc[table["RegioS"] == titles[code], "JongerenMetJeugdzorg_1"].iloc[0]
            shown = rows[0]["Waarde"] if rows else None
            assert (shown is None and pd.isna(expected)) or shown == float(expected), code
            assert rows[0]["Bron"].startswith("CBS"), code


@needs_real
def test_spend_and_budget_equal_the_cbs_cells(default_store):
    import duckdb

    table = dump("83454NED")
    table = table[
        (table["VormenVanJeugdzorg"] == "JZ Totaal jeugdzorg") & (table["Perioden"] == "2022")
    ]
    titles = statline_titles(2022)
    with duckdb.connect(str(default_store), read_only=True) as connection:
        for code in sorted(titles)[::23] + ["GM0351"]:
            row = table[table["Regio"] == titles[code]].iloc[0]
            stored = dict(
                connection.execute(
                    "select indicator, value from marts.mart_indicator_measure "
                    "where municipality_code = $c and year = 2022 and measure = 'as_published' "
                    "and indicator in ('youth_spend_eur', 'youth_budget_eur')",
                    {"c": code},
                ).fetchall()
            )
            for indicator, column in (
                ("youth_spend_eur", "GerealiseerdeKosten_2"),
                ("youth_budget_eur", "BegroteKosten_1"),
            ):
                expected = None if pd.isna(row[column]) else 1000 * float(row[column])
                assert stored.get(indicator) == expected or (
                    expected is None and pd.isna(stored.get(indicator))
                ), (code, indicator)


def test_the_demo_store_builds_and_marks_its_generated_values(demo_store, pointed_at, texts):
    with pointed_at(demo_store):
        shown = texts(page("vrijwilligers").layout(gemeente="GM0351"))
        kerncijfers = texts(page("kerncijfers").layout(gemeente="GM0351"))
    assert "Voorbeeldgegevens" in shown  # generated volunteers, marked
    assert "465 jongeren" in kerncijfers  # real numbers are never replaced by generated ones


@pytest.mark.parametrize("name", ["jeugdhulp", "verwijzingen", "uitgaven", "vrijwilligers"])
def test_every_callback_input_is_in_the_page_even_without_data(
    default_store, pointed_at, find, name
):
    """A panel with nothing to draw keeps its graph's id: the page's callback listens to it."""
    from dashboard.indicators.state import component_ids

    with pointed_at(default_store):
        layout = page(name).layout(gemeente="GM0351")
    ids = {c.id for c in find(layout, lambda c: isinstance(getattr(c, "id", None), str))}
    wanted = {v for k, v in component_ids(name).items() if k not in ("url", "state")}
    assert wanted <= ids, wanted - ids
