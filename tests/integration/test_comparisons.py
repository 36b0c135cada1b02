"""Comparisons a council can name: CBS's own groups, their members, a rank with honest ties."""

from __future__ import annotations

import importlib

import pandas as pd
import pytest

from tests.conftest import SHARED

REAL = SHARED / "data" / "real"
needs_real = pytest.mark.skipif(not REAL.is_dir(), reason="the public source files are absent")


def jeugdhulp():
    return importlib.import_module("dashboard.pages.jeugdhulp")


def option_labels(layout, find, control: str) -> list[str]:
    select = find(layout, lambda c: getattr(c, "id", None) == control)[0]
    return [option["label"] for option in select.options]


def test_the_youth_care_region_is_named_listed_ranked_and_downloadable(
    default_store, pointed_at, texts, panel_rows, find
):
    with pointed_at(default_store):
        layout = jeugdhulp().layout(gemeente="GM0351", vergelijking="jeugdregio")
    shown = texts(layout)
    labels = option_labels(layout, find, "jeugdhulp-vergelijking")
    assert "Jeugdregio Eemland (7 gemeenten)" in labels  # the control names the group
    assert "Woudenberg in jeugdregio Eemland, 2023" in shown
    assert "Jeugdregio Eemland: 7 gemeenten, 7 met een cijfer over 2023" in shown  # folded list
    for name in ("Amersfoort", "Baarn", "Bunschoten", "Eemnes", "Leusden", "Soest"):
        assert name in shown
    assert "staat op plek 1 van 7 in jeugdregio Eemland" in shown  # 10,7 % is the lowest
    assert "CBS publiceert voor jeugdregio Eemland zelf 12,7" in shown
    rows = panel_rows(layout, "jeugdhulp-groep")
    assert len(rows) == 7 and len({r["Plaats"] for r in rows}) == 7
    assert all(r["Waarde"] is not None and r["Bron"].startswith("CBS") for r in rows)
    assert all(r["Status"] == "Officieel" and r["Plek"] for r in rows)


def test_the_trend_carries_cbs_own_figure_for_the_region(default_store, pointed_at, find):
    with pointed_at(default_store):
        layout = jeugdhulp().layout(gemeente="GM0351", vergelijking="jeugdregio")
    graph = find(layout, lambda c: getattr(c, "id", None) == "jeugdhulp-trend-graph")[0]
    names = [trace.name for trace in graph.figure.data]
    assert "Jeugdregio Eemland (CBS)" in names


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("provincie", "Provincie Utrecht (26 gemeenten)"),
        ("grootte", "Gemeenten met 10 000 tot 20 000 inwoners"),
        ("stedelijkheid", "Matig stedelijke gemeenten"),
        ("land", "Alle gemeenten van Nederland (342 gemeenten)"),
    ],
)
def test_every_kind_of_group_is_named_for_the_year_shown(
    default_store, pointed_at, find, key, expected
):
    with pointed_at(default_store):
        layout = jeugdhulp().layout(gemeente="GM0351", vergelijking=key)
    labels = option_labels(layout, find, "jeugdhulp-vergelijking")
    assert any(label.startswith(expected) for label in labels), labels


def test_a_pinned_link_reopens_the_same_group(default_store, pointed_at, texts):
    from dashboard.serving import runtime
    from dashboard.store import queries

    with pointed_at(default_store):
        release = runtime.current().store.current().release_id
        shown = texts(
            jeugdhulp().layout(gemeente="GM0351", vergelijking="jeugdregio", versie=release)
        )
        assert queries  # the same release, the same group
    assert "Woudenberg in jeugdregio Eemland, 2023" in shown


def test_an_earlier_year_uses_that_years_classification(default_store, pointed_at, texts):
    with pointed_at(default_store):
        shown = texts(jeugdhulp().layout(gemeente="GM0351", vergelijking="jeugdregio", jaar="2018"))
    assert "Woudenberg in jeugdregio Eemland, 2018" in shown


def statline(table: str) -> pd.DataFrame:
    frame = pd.read_csv(
        REAL / "cbs-statline-dumps" / f"{table}.csv", sep=";", dtype=str, encoding="utf-8-sig"
    )
    return frame.apply(lambda column: column.str.strip())


def youth_care_regions(table: str) -> dict[str, str]:
    frame = pd.read_csv(
        REAL / "cbs-gebieden-in-nederland" / f"{table}.csv",
        sep=";",
        dtype=str,
        encoding="utf-8-sig",
    ).apply(lambda column: column.str.strip())
    column = next(
        c for c in frame.columns if c.startswith("Code") and frame[c].str.startswith("JZ").all()
    )
    return dict(zip(frame["Code_1"], frame[column], strict=True))


def independent_ranks(values: dict[str, tuple[float, float, float]]) -> dict[str, tuple[int, bool]]:
    """Lower is better; a place joins the tie of the place leading it when their intervals
    (the value given CBS's rounding to 5) overlap. (rank, shared)."""
    order = sorted(values, key=lambda code: (values[code][0], code))
    ties: list[list[str]] = []
    for code in order:
        low, high = values[code][1], values[code][2]
        if ties and low <= values[ties[-1][0]][2] and values[ties[-1][0]][1] <= high:
            ties[-1].append(code)
        else:
            ties.append([code])
    ranks, before = {}, 0
    for tie in ties:
        for code in tie:
            ranks[code] = (before + 1, len(tie) > 1)
        before += len(tie)
    return ranks


@needs_real
def test_the_gp_share_rank_matches_the_cbs_counts_including_a_tie(
    default_store, pointed_at, panel_rows
):
    """Kop van Noord-Holland (JZ03), 2018: GP share of trajectories from 84316NED's counts,
    each rounded to 5 by CBS: Den Helder-side values 25,1 and 26,0 share a rank."""
    table = statline("84316NED")
    first = table["VormenVanJeugdzorg"] == table["VormenVanJeugdzorg"].iloc[0]
    rows = table[first & (table["Perioden"] == "2018") & table["Codering_24"].str.startswith("GM")]
    regions = youth_care_regions("83859NED")
    rows = rows[rows["Codering_24"].map(regions) == "JZ03"]
    values = {}
    for row in rows.itertuples(index=False):
        if pd.isna(row.Huisarts_15) or pd.isna(row.TotaalTrajectenInNatura_9):
            continue
        gp, total = float(row.Huisarts_15), float(row.TotaalTrajectenInNatura_9)
        values[row.Codering_24] = (
            round(100 * gp / total, 1),
            100 * (gp - 2.5) / (total + 2.5),
            100 * (gp + 2.5) / (total - 2.5),
        )
    expected = independent_ranks(values)
    assert any(shared for _, shared in expected.values())  # the case holds a tie
    with pointed_at(default_store):
        layout = importlib.import_module("dashboard.pages.verwijzingen").layout(
            gemeente="GM1911", vergelijking="jeugdregio", jaar="2018"
        )
    shown = {r["Plaats"]: r["Plek"] for r in panel_rows(layout, "verwijzingen-groep") if r["Plek"]}
    names = dict(zip(rows["Codering_24"], rows["Gemeentenaam_22"], strict=True))
    for code, (rank, shared) in expected.items():
        assert shown[names[code]] == (f"gedeeld {rank}e" if shared else f"{rank}e"), code


def test_the_map_names_members_whose_borders_differ_from_its_outlines(
    default_store, pointed_at, texts
):
    with pointed_at(default_store):
        shown = texts(jeugdhulp().layout(gemeente="GM1992", jaar="2023"))
        earlier = texts(jeugdhulp().layout(gemeente="GM0003", jaar="2019"))
    assert "De kaart gebruikt de gemeentegrenzen van 2022. In 2023 waren de grenzen anders" in shown
    assert "Voorne aan Zee" in shown.split("waren de grenzen anders voor:")[1][:200]
    assert "Appingedam" in earlier.split("waren de grenzen anders voor:")[1][:300]
