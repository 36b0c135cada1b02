"""No hidden count can be recovered across the releases a visitor can still open (pinned links).

Two releases of one store: in the second, one municipality's count changes, which would move
the secondary suppression to another neighbour. A visitor holding both releases then
subtracts: province total (release 1) - the newly published neighbour (release 2) - the third
municipality (release 1) = the hidden count. The attack below runs over every kept release
together - first by subtraction, then as an integer program (HiGHS through SciPy) that bounds
every hidden cell - and must recover nothing and narrow nothing below a width of 3. The same
attack on a second release built *without* the history of the first shows the leak it guards
against.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard.app import QUERY_DIR
from dashboard.store import queries
from dashboard.store.db import Store
from tests.conftest import fixture_settings, publish_with

YEAR = 2030  # a year no other input has: only these cells
INDICATOR = "youth_care_clients"  # a count of people: suppressed below 10
PROVINCE, MEMBERS = "PV26", ("GM0327", "GM0345", "GM0351")
Cell = tuple[str, str, int, str]


def loader(counts: dict[str, int]):
    """Young people with youth care in three municipalities and their province, as one import
    (totals only, so the province is the one relation that ties them)."""
    values = {**counts, PROVINCE: sum(counts.values())}
    frame = pd.DataFrame(
        [
            (INDICATOR, code, YEAR, "total", float(value), "test:import", False, False)
            for code, value in values.items()
        ],
        columns=[
            *("indicator", "municipality_code", "year", "category", "value", "source_id"),
            *("is_demo", "is_provisional"),
        ],
    )
    source = {
        "source_id": "test:import",
        "kind": "import",
        "publisher": "Gemeente (test)",
        "title": "Registratie",
        "reference": "test.csv",
        "published_on": "",
        "retrieved_at": "2030-01-01T00:00:00",
        "licence": "",
        "url": "",
        "is_demo": False,
    }

    def load(_settings, _municipalities):
        return {"observations": frame, "sources": pd.DataFrame([source])}

    return load


# Release 1 hides Woudenberg's 5 and, as its complement, the smallest neighbour (Veenendaal's
# 12). In release 2 Leusden's count drops to 11: on its own, that release would hide Leusden
# instead and publish Veenendaal's 12.
FIRST = loader({"GM0327": 15, "GM0345": 12, "GM0351": 5})
SECOND = loader({"GM0327": 11, "GM0345": 12, "GM0351": 5})


def cells(store: Path, release_id: str) -> pd.DataFrame:
    """What a visitor of one release sees of the test cells (as published)."""
    release = Store(store, QUERY_DIR).release(release_id)
    rows = queries.indicator_series(
        release, INDICATOR, "as_published", [PROVINCE, *MEMBERS], (YEAR, YEAR)
    )
    return rows.loc[
        rows["category"] == "total", ["municipality_code", "category", "value", "cell_symbol"]
    ]


def relations() -> list[tuple[Cell, list[Cell]]]:
    """The additive relation a visitor sees: the province is the sum of its municipalities."""
    total = (INDICATOR, PROVINCE, YEAR, "total")
    return [(total, [(INDICATOR, code, YEAR, "total") for code in MEMBERS])]


def views(releases: list[pd.DataFrame]) -> tuple[list[dict[Cell, float]], set[Cell]]:
    """Per release the values a visitor reads there, and every cell hidden in any release."""
    known, hidden = [], set()
    for frame in releases:
        seen = {}
        for row in frame.itertuples(index=False):
            cell = (INDICATOR, row.municipality_code, YEAR, row.category)
            if row.cell_symbol == "x":
                hidden.add(cell)
            elif not math.isnan(row.value):
                seen[cell] = float(row.value)
        known.append(seen)
    return known, hidden


def subtraction(releases: list[pd.DataFrame]) -> dict[Cell, float]:
    """Solve any relation of any release with one unknown, filling a release's gaps with what
    another release published (the visitor assumes an unchanged cell); repeat until stuck."""
    known, hidden = views(releases)
    anywhere = {cell: value for seen in known for cell, value in seen.items()}
    recovered: dict[Cell, float] = {}
    progress = True
    while progress:
        progress = False
        for seen, (total, parts) in itertools.product(known, relations()):
            view = {**anywhere, **recovered, **seen}
            unknown = [cell for cell in (total, *parts) if cell not in view]
            if len(unknown) != 1:
                continue
            others = sum(view[part] for part in parts if part in view)
            value = others if unknown[0] == total else view[total] - others
            if unknown[0] in hidden and unknown[0] not in recovered:
                recovered[unknown[0]] = value
                progress = True
    return recovered


def narrowest(releases: list[pd.DataFrame]) -> float:
    """The smallest range an integer program leaves any hidden cell: variables are the hidden
    cells (>= 0, integer), every release's relations are equations over what it publishes."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    known, hidden = views(releases)
    anywhere = {cell: value for seen in known for cell, value in seen.items()}
    variables = sorted(hidden - set(anywhere))
    index = {cell: i for i, cell in enumerate(variables)}
    rows, rhs = [], []
    for seen, (total, parts) in itertools.product(known, relations()):
        view = {**anywhere, **seen}
        row, constant = np.zeros(len(variables)), 0.0
        for cell, sign in ((total, 1.0), *((part, -1.0) for part in parts)):
            if cell in index:
                row[index[cell]] += sign
            elif cell in view:
                constant += sign * view[cell]
            else:
                break  # a cell nobody publishes: the relation constrains nothing known
        else:
            if row.any():
                rows.append(row)
                rhs.append(-constant)
    constraint = LinearConstraint(np.array(rows), rhs, rhs)
    widths = []
    for i in range(len(variables)):
        bounds = []
        for sign in (1.0, -1.0):
            objective = np.zeros(len(variables))
            objective[i] = sign
            result = milp(
                objective,
                constraints=constraint,
                integrality=np.ones(len(variables)),
                bounds=Bounds(0, 10_000),
            )
            assert result.success, result.message
            bounds.append(result.x[i])
        widths.append(bounds[1] - bounds[0])
    return min(widths)


@pytest.fixture(scope="module")
def two_releases(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    settings = fixture_settings(tmp_path_factory.mktemp("history"))
    first = publish_with(settings, FIRST).stem
    second = publish_with(settings, SECOND).stem
    return settings.db_path, [first, second]


def test_the_attack_has_something_to_try(two_releases):
    store, ids = two_releases
    _, hidden = views([cells(store, i) for i in ids])
    assert (INDICATOR, "GM0351", YEAR, "total") in hidden


def test_no_hidden_count_can_be_recovered_across_kept_releases(two_releases):
    store, ids = two_releases
    releases = [cells(store, i) for i in ids]
    assert subtraction(releases) == {}
    assert narrowest(releases) >= 3


def test_without_the_history_the_second_release_would_give_a_count_away(tmp_path, two_releases):
    """The class of leak the history prevents: the same second release built on its own."""
    store, ids = two_releases
    alone = fixture_settings(tmp_path)
    second_alone = publish_with(alone, SECOND).stem
    leaked = subtraction([cells(store, ids[0]), cells(alone.db_path, second_alone)])
    assert leaked.get((INDICATOR, "GM0351", YEAR, "total")) == 5
