"""Fetching from a local stand-in for the StatLine API, replaying saved responses, real files."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import duckdb
import pytest
from click.testing import CliRunner

from data_pipeline.cli import cli
from data_pipeline.errors import SourceError
from data_pipeline.sources.cbs.check import check_tables
from data_pipeline.sources.cbs.client import fetch_tables, make_session
from data_pipeline.sources.cbs.layout import resolve_layout
from data_pipeline.sources.cbs.registry import TableFamily, tables
from data_pipeline.sources.cbs.statline import load_recorded, parse_rows, replay_folder
from tests.conftest import FIXTURES, SHARED, fixture_settings, work_file

RECORDED = FIXTURES / "cbs"
TABLES = {"85099NED", "85097NED", "83454NED", "50090NED", "03759ned"}


def entity(table: str, name: str) -> list[dict]:
    return json.loads((RECORDED / table / f"{name}.json").read_text("utf-8"))["value"]


class StandIn(BaseHTTPRequestHandler):
    """Serves a fixtures folder in the API's shape; TypedDataSet in two pages via nextLink.

    A table the folder lacks answers 404, as the API does for an unpublished edition.
    """

    folder: Path = RECORDED
    fail_once: set[str] = set()
    always_fail: set[str] = set()
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        url = urlparse(self.path)
        self.requests.append(self.path)
        _, _, table, name = url.path.rstrip("/").split("/")[-4:]
        if name in self.always_fail or self.path in self.fail_once:
            self.fail_once.discard(self.path)
            self.send_error(503 if name not in self.always_fail else 500)
            return
        path = self.folder / table / f"{name}.json"
        if not path.exists():
            self.send_error(404)
            return
        rows = json.loads(path.read_text("utf-8"))["value"]
        body: dict = {"odata.metadata": "stand-in", "value": rows}
        if name == "TypedDataSet":
            page = int(parse_qs(url.query).get("page", ["0"])[0])
            half = len(rows) // 2
            body["value"] = rows[:half] if page == 0 else rows[half:]
            if page == 0:
                body["odata.nextLink"] = f"http://{self.headers['Host']}{url.path}?page=1"
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *_args: object) -> None:
        return


@pytest.fixture()
def stand_in() -> Iterator[str]:
    StandIn.folder, StandIn.fail_once, StandIn.always_fail, StandIn.requests = (
        RECORDED,
        set(),
        set(),
        [],
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/ODataApi/odata"
    server.shutdown()


def fetch(out: Path, root: str, only: set[str] = TABLES) -> list[Path]:
    return fetch_tables(
        out,
        region_codes=["GM0351", "NL01"],
        only=only,
        base_urls={"opendata": root, "dataderden": root},
        session=make_session(retries=2, backoff=0),
        min_interval_s=0,
    )


def test_recorded_responses_give_the_values_in_the_json():
    batch = load_recorded(RECORDED)
    obs = batch.observations
    rows = entity("85099NED", "TypedDataSet")
    expected = next(
        r["JongerenMetJeugdzorg_3"]
        for r in rows  # Totaal jeugdzorg = A045561
        if r["RegioS"].strip() == "GM0351"
        and r["Perioden"] == "2022JJ00"
        and r["SoortJeugdzorg"].strip() == "A045561"
    )
    got = obs[
        (obs["indicator"] == "youth_care_clients")
        & (obs["municipality_code"] == "GM0351")
        & (obs["year"] == 2022)
        & (obs["category"] == "total")
    ]["value"].item()
    assert got == expected
    spend = entity("83454NED", "TypedDataSet")
    realised = next(
        r["GerealiseerdeKosten_2"]
        for r in spend
        if r["Regio"].strip() == "GM0351"
        and r["Perioden"] == "2021JJ00"
        and r["VormenVanJeugdzorg"].strip() == "A025210"
    )
    got = obs[
        (obs["indicator"] == "youth_spend_eur")
        & (obs["municipality_code"] == "GM0351")
        & (obs["year"] == 2021)
        & (obs["category"] == "with_accommodation")
    ]
    assert got["value"].item() == realised * 1000  # the table counts in thousands of euros
    provisional = {
        p["Key"][:4] for p in entity("85099NED", "Perioden") if p["Status"] == "Voorlopig"
    }
    from_youth_care = obs[obs["source_id"] == "cbs:85099NED"]
    flagged = set(from_youth_care.loc[from_youth_care["is_provisional"], "year"].astype(str))
    assert flagged == provisional
    info = entity("85099NED", "TableInfos")[0]
    source = batch.sources.set_index("source_id").loc["cbs:85099NED"]
    assert source["title"] == info["Title"] and source["published_on"] == info["Modified"][:10]
    assert source["licence"] == "CC BY 4.0" and not source["is_demo"]


def test_fetch_follows_paging_and_survives_a_transient_error(tmp_path, stand_in):
    StandIn.fail_once = {"/ODataApi/odata/85099NED/TableInfos"}
    fetch(tmp_path, stand_in)
    assert any("page=1" in path for path in StandIn.requests)  # the second page was fetched
    saved = json.loads((tmp_path / "85099NED" / "TypedDataSet.json").read_text("utf-8"))
    assert len(saved["value"]) == len(entity("85099NED", "TypedDataSet"))
    fetched, recorded = load_recorded(tmp_path).observations, load_recorded(RECORDED).observations
    columns = ["indicator", "municipality_code", "year", "category", "value"]
    assert fetched[columns].sort_values(columns).fillna(-1).values.tolist() == (
        recorded[columns].sort_values(columns).fillna(-1).values.tolist()
    )
    assert any(
        "startswith(RegioS,'GM0351')" in p or "startswith%28RegioS" in p for p in StandIn.requests
    )


def test_http_error_names_the_table_and_leaves_no_half_table(tmp_path, stand_in):
    StandIn.always_fail = {"TypedDataSet"}
    with pytest.raises(SourceError, match="85097NED: HTTP 500"):
        fetch(tmp_path, stand_in, only={"85097NED"})
    assert list(tmp_path.iterdir()) == []


def test_unreachable_server_names_the_table(tmp_path):
    with pytest.raises(SourceError, match="(84134|85099)NED: cannot reach"):
        fetch(tmp_path, "http://127.0.0.1:9", only={"85099NED"})


def test_changed_structure_is_caught_before_saving(tmp_path, stand_in, monkeypatch):
    changed = TableFamily("x", ("85099NED",), "youth_care_clients", "Jongeren in jeugdzorg (nieuw)")
    monkeypatch.setattr("data_pipeline.sources.cbs.client.tables", lambda only=None: (changed,))
    with pytest.raises(SourceError, match="85099NED: no measure titled"):
        fetch(tmp_path, stand_in, only={"85099NED"})
    assert not (tmp_path / "85099NED").exists()


def test_an_unpublished_edition_is_skipped_and_the_others_still_load(tmp_path, stand_in):
    fetch(tmp_path, stand_in, only={"rivm_volunteering"})  # 50120NED and 50150NED answer 404
    assert sorted(p.name for p in tmp_path.iterdir()) == ["50090NED"]


def test_later_edition_with_renumbered_keys_loads_and_wins_its_years(tmp_path):
    folder = tmp_path / "recorded"
    shutil.copytree(RECORDED / "50090NED", folder / "50090NED")
    shutil.copytree(FIXTURES / "cbs-editions" / "50150NED", folder / "50150NED")
    obs = load_recorded(folder, {"rivm_volunteering"}).observations
    woudenberg = obs[obs["municipality_code"] == "GM0351"].set_index("year")
    assert woudenberg["source_id"].to_dict() == {
        2012: "cbs:50150NED",
        2016: "cbs:50150NED",
        2020: "cbs:50150NED",
        2022: "cbs:50150NED",
        2024: "cbs:50150NED",
    }  # the newest edition has every year, so it wins all of them
    assert woudenberg.loc[2022, "value"] == 31.6  # read through the renumbered key _31
    only_old = load_recorded(RECORDED, {"rivm_volunteering"}).observations
    assert set(only_old["source_id"]) == {"cbs:50090NED"}


def test_a_folder_with_an_extra_unfiltered_dimension_is_refused_by_name(tmp_path):
    with pytest.raises(SourceError, match="50090NED: .*Opleidingsniveau neither filtered"):
        replay_folder(FIXTURES / "cbs-unfiltered", tmp_path / "raw")
    assert not (tmp_path / "raw").exists()  # nothing copied


def test_youth_population_sums_single_years_and_skips_marital_status_rows():
    obs = load_recorded(RECORDED, {"cbs_population", "cbs_youth_population"}).observations
    rows = entity("03759ned", "TypedDataSet")
    ages = {r["Key"]: r["Title"] for r in entity("03759ned", "Leeftijd")}
    expected = sum(
        r["BevolkingOp1Januari_1"]
        for r in rows
        if r["RegioS"].strip() == "GM0351"
        and r["Perioden"] == "2022JJ00"
        and ages[r["Leeftijd"]] in {f"{a} jaar" for a in range(18)}
        and r["BurgerlijkeStaat"] == "T001019"
    )
    got = obs[
        (obs["indicator"] == "youth_population")
        & (obs["municipality_code"] == "GM0351")
        & (obs["year"] == 2022)
    ]
    assert got["value"].item() == expected
    total = next(
        r["BevolkingOp1Januari_1"]
        for r in rows
        if r["RegioS"].strip() == "GM0351"
        and r["Perioden"] == "2022JJ00"
        and r["Leeftijd"] == "10000"
        and r["BurgerlijkeStaat"] == "T001019"
    )
    population = obs[
        (obs["indicator"] == "population")
        & (obs["municipality_code"] == "GM0351")
        & (obs["year"] == 2022)
    ]
    assert population["value"].item() == total  # not total + the 'ongehuwd' row


def test_single_years_that_do_not_add_up_to_the_tables_own_group_are_refused(tmp_path):
    folder = tmp_path / "03759ned"
    shutil.copytree(RECORDED / "03759ned", folder)
    body = json.loads((folder / "TypedDataSet.json").read_text("utf-8"))
    for row in body["value"]:
        if row["Leeftijd"] == "10010":  # '0 jaar'
            row["BevolkingOp1Januari_1"] += 40
    (folder / "TypedDataSet.json").write_text(json.dumps(body), "utf-8")
    with pytest.raises(
        SourceError, match="03759ned: the single years do not add up .*0 tot 5 jaar"
    ):
        load_recorded(tmp_path, {"cbs_youth_population"})


def test_fetch_check_reports_every_table_and_loads_nothing(tmp_path, stand_in):
    lines = check_tables(
        base_urls={"opendata": stand_in, "dataderden": stand_in},
        session=make_session(retries=0),
        min_interval_s=0,
    )
    by_table = {line.table_id: line for line in lines}
    assert all(line.ok for line in lines), [line.text for line in lines if not line.ok]
    assert (
        "BevolkingOp1Januari_1" in by_table["03759ned"].text
        and "Geslacht=T001038" in by_table["03759ned"].text
    )
    assert "overgeslagen" in by_table["50150NED"].text
    assert not any("TypedDataSet" in path for path in StandIn.requests)


def test_fetch_check_names_an_unfiltered_dimension_and_fails_in_the_cli(tmp_path, stand_in):
    StandIn.folder = FIXTURES / "cbs-unfiltered"
    result = CliRunner().invoke(
        cli, ["fetch", "--check", "--only", "rivm_volunteering", "--api-root", stand_in]
    )
    assert result.exit_code == 1
    assert "FOUT 50090NED: dimension(s) Opleidingsniveau neither filtered" in result.output
    StandIn.folder = FIXTURES / "cbs-editions"
    result = CliRunner().invoke(
        cli, ["fetch", "--check", "--only", "rivm_volunteering", "--api-root", stand_in]
    )
    assert result.exit_code == 0, result.output
    assert "ok   50150NED" in result.output and "Vrijwilligerswerk_31" in result.output


def test_cli_fetch_from_dir_publishes_real_values_with_their_source(tmp_path):
    settings = fixture_settings(tmp_path)
    env = {"SK_RAW_DIR": str(settings.raw_dir), "SK_IMPORTS_DIR": str(settings.imports_dir)}
    args = [
        "fetch",
        "--from-dir",
        str(RECORDED),
        "--db",
        str(settings.db_path),
        "--data-dir",
        str(settings.data_dir),
    ]
    result = CliRunner().invoke(cli, args, env=env)
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(work_file(settings.db_path)), read_only=True) as connection:
        row = connection.execute(
            "select value, is_demo, source_id from core.fct_observation where indicator = "
            "'youth_care_clients' and municipality_code = 'GM0351' and year = 2022 "
            "and category = 'total'"
        ).fetchone()
    # The fixture store has its own 2022 value (official, fixture:cbs); both are official,
    # so the store must hold one of them, never a sample value.
    assert row[1] is False and row[2] in {"cbs:85099NED", "fixture:cbs"}


def test_cli_fetch_without_network_exits_1_and_keeps_the_store(tmp_path):
    settings = fixture_settings(tmp_path)
    env = {"SK_RAW_DIR": str(settings.raw_dir), "SK_IMPORTS_DIR": str(settings.imports_dir)}
    common = ["--db", str(settings.db_path), "--data-dir", str(settings.data_dir)]
    assert CliRunner().invoke(cli, ["run", *common], env=env).exit_code == 0
    before = settings.db_path.resolve().read_bytes()
    result = CliRunner().invoke(
        cli,
        ["fetch", "--only", "85099NED", "--timeout", "2", *common],
        env={**env, "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9"},
    )
    assert result.exit_code == 1
    assert "NED: cannot reach" in result.output and "niets gepubliceerd" in result.output
    assert settings.db_path.resolve().read_bytes() == before


RIVM = SHARED / "data" / "real" / "rivm-gezondheid-wijkbuurt"


@pytest.mark.skipif(not RIVM.exists(), reason="shared real data not available")
@pytest.mark.parametrize(
    ("file", "period"),
    [("2016_18+.xlsx", "2016JJ00"), ("RIVM_gezondheid2020_18+.xlsx", "2020JJ00")],
)
def test_real_rivm_rows_for_woudenberg_parse_to_the_cell_values(file, period):
    from openpyxl import load_workbook

    sheet = load_workbook(RIVM / file, read_only=True).worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = list(next(rows))
    woudenberg = [
        dict(zip(header, r, strict=False))
        for r in rows
        if r[header.index("WijkenEnBuurten")].strip() == "GM0351"
    ]
    properties = [
        {"Type": "Topic", "Key": key, "Title": key.rsplit("_", 1)[0]}
        for key in header
        if key.endswith(tuple("0123456789"))
    ]
    properties += [
        {"Type": "Dimension", "Key": "Leeftijd"},
        {"Type": "Dimension", "Key": "Marges"},
        {"Type": "GeoDimension", "Key": "WijkenEnBuurten"},
        {"Type": "TimeDimension", "Key": "Perioden"},
    ]
    entities = {
        "Leeftijd": [{"Key": "20300", "Title": "18 jaar of ouder"}],
        "Marges": [{"Key": "MW00000", "Title": "Waarde"}],
    }
    family = next(t for t in tables({"50090NED"}))
    layout = resolve_layout(family, "50090NED", properties, entities)
    frame = parse_rows(family, layout, woudenberg, set())
    cell = float(woudenberg[0]["Vrijwilligerswerk_33"].strip())
    assert frame["municipality_code"].tolist() == ["GM0351"]
    assert frame["year"].tolist() == [int(period[:4])]
    assert frame["value"].tolist() == [cell]


def test_a_fetch_killed_between_its_renames_leaves_the_saved_responses_in_place(tmp_path):
    settings = fixture_settings(tmp_path)
    previous = settings.raw_dir.with_name(settings.raw_dir.name + ".previous")
    shutil.copytree(RECORDED, previous)  # var/raw was renamed away, var/raw.next not yet in
    env = {"SK_RAW_DIR": str(settings.raw_dir), "SK_IMPORTS_DIR": str(settings.imports_dir)}
    common = ["--db", str(settings.db_path), "--data-dir", str(settings.data_dir)]
    assert CliRunner().invoke(cli, ["run", *common], env=env).exit_code == 0
    assert settings.raw_dir.is_dir() and not previous.exists()
    with duckdb.connect(str(work_file(settings.db_path)), read_only=True) as connection:
        sources = {
            row[0] for row in connection.execute("select source_id from core.dim_source").fetchall()
        }
    assert "cbs:85099NED" in sources  # the next run still publishes the saved responses
