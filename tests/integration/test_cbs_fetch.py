"""Fetching from a local stand-in for the StatLine API, replaying saved responses, real files."""

from __future__ import annotations

import json
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
from data_pipeline.sources.cbs_registry import TableSpec, tables
from data_pipeline.sources.cbs_statline import fetch_tables, load_recorded, make_session, parse_rows
from tests.conftest import FIXTURES, SHARED, fixture_settings

RECORDED = FIXTURES / "cbs"
TABLES = {"85099NED", "85097NED", "83454NED", "50090NED"}


def entity(table: str, name: str) -> list[dict]:
    return json.loads((RECORDED / table / f"{name}.json").read_text("utf-8"))["value"]


class StandIn(BaseHTTPRequestHandler):
    """Serves tests/fixtures/cbs in the API's shape; TypedDataSet in two pages via nextLink."""

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
        rows = entity(table, name)
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
    StandIn.fail_once, StandIn.always_fail, StandIn.requests = set(), set(), []
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
    flagged = set(obs.loc[obs["is_provisional"], "year"].astype(str))
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
    with pytest.raises(SourceError, match="85099NED: cannot reach"):
        fetch(tmp_path, "http://127.0.0.1:9", only={"85099NED"})


def test_changed_structure_is_caught_before_saving(tmp_path, stand_in, monkeypatch):
    changed = TableSpec("x", "85099NED", "youth_care_clients", "Jongeren in jeugdzorg (nieuw)")
    monkeypatch.setattr("data_pipeline.sources.cbs_statline.tables", lambda only=None: (changed,))
    with pytest.raises(SourceError, match="85099NED: no measure titled"):
        fetch(tmp_path, stand_in, only={"85099NED"})
    assert not (tmp_path / "85099NED").exists()


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
    with duckdb.connect(str(settings.db_path), read_only=True) as connection:
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
    before = settings.db_path.read_bytes()
    result = CliRunner().invoke(
        cli,
        ["fetch", "--only", "85099NED", "--timeout", "2", *common],
        env={**env, "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9"},
    )
    assert result.exit_code == 1
    assert "85099NED" in result.output and "nothing published" in result.output
    assert settings.db_path.read_bytes() == before


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
    spec = next(t for t in tables({"50090NED"}))
    frame = parse_rows(spec, woudenberg, properties, {}, set())
    cell = float(woudenberg[0]["Vrijwilligerswerk_33"].strip())
    assert frame["municipality_code"].tolist() == ["GM0351"]
    assert frame["year"].tolist() == [int(period[:4])]
    assert frame["value"].tolist() == [cell]
