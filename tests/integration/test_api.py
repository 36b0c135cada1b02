"""The open data API (/api/v1) on a store built by the pipeline: the same rows as the pages,
pinned releases, HTTP as clients expect, and whole-release files without a hidden count."""

from __future__ import annotations

import csv
import io
import zipfile

import duckdb
import pytest

from dashboard.api.contract import ENDPOINTS, MAX_LIMIT
from dashboard.indicators.tables import SYMBOL_COLUMN


def get(app_client, path: str, **headers: str):
    return app_client.get(path, headers=headers)


def test_an_api_row_equals_the_pages_download_row(app_client, in_app, release, panel_rows):
    from dashboard.pages import jeugdhulp

    view = {"gemeente": "GM0351", "maat": "aantal", "versie": release.release_id}
    page_rows = [
        row
        for row in panel_rows(jeugdhulp.layout(**view), "jeugdhulp-trend")
        if row["Reeks"] == "Woudenberg"
    ]
    answer = get(
        app_client,
        "/api/v1/observations?indicator=youth_care_clients&maat=aantal&gemeente=GM0351"
        f"&categorie=total&versie={release.release_id}",
    ).get_json()
    assert answer["release"] == release.release_id
    api_rows = [
        {
            "Jaar": r["year"],
            "Categorie": r["category_label"],
            "Maat": r["measure_label"],
            "Waarde": r["value"],
            SYMBOL_COLUMN: r["sign"],
            "Status": r["status_label"],
            "Bron": r["source"],
            "Bron noemer": r["denominator_source"],
        }
        for r in answer["data"]
    ]
    shown = [{key: row[key] for key in api_rows[0]} for row in page_rows]
    assert len(api_rows) >= 3 and api_rows == shown


def test_hidden_cells_are_empty_with_their_sign(app_client):
    hidden = 0
    for indicator, measure in [
        ("youth_care_clients", "aantal"),
        ("youth_care_clients", "percentage"),
    ]:
        rows = get(
            app_client,
            f"/api/v1/observations?indicator={indicator}&maat={measure}&limit={MAX_LIMIT}",
        ).get_json()["data"]
        for row in rows:
            if row["sign"] == "x":
                hidden += 1
                assert row["value"] is None and row["value_low"] is None, row
                assert row["value_high"] is None, row
    assert hidden > 0  # the fixture has small counts to hide


def test_a_pinned_answer_never_changes_and_an_unknown_release_is_404(app_client, release):
    pinned = get(app_client, f"/api/v1/indicators?versie={release.release_id}")
    assert pinned.status_code == 200
    assert pinned.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    current = get(app_client, "/api/v1/indicators")
    assert current.headers["Cache-Control"] == "public, no-cache"
    assert current.get_json()["release"] == current.headers["X-SK-Release"]
    for versie in ("2001-01-01.1", "../store", "bestand-1-2"):
        gone = get(app_client, f"/api/v1/indicators?versie={versie}")
        assert gone.status_code == 404 and gone.mimetype == "application/problem+json"
        assert gone.get_json()["parameter"] == "versie"


def test_etag_revalidation_gets_304(app_client):
    first = get(app_client, "/api/v1/regions")
    again = get(app_client, "/api/v1/regions", **{"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


def test_cors_for_get_and_a_preflight(app_client):
    answer = get(app_client, "/api/v1/sources", Origin="https://raad.example.nl")
    assert answer.headers["Access-Control-Allow-Origin"] == "*"
    preflight = app_client.options(
        "/api/v1/observations",
        headers={"Origin": "https://x.nl", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 204
    assert "GET" in preflight.headers["Access-Control-Allow-Methods"]


def test_csv_by_format_or_accept_header_with_the_contract_fields(app_client):
    path = "/api/v1/observations?indicator=youth_care_clients&gemeente=GM0351"
    by_format = get(app_client, path + "&format=csv")
    by_accept = get(app_client, path, Accept="text/csv")
    assert by_format.mimetype == by_accept.mimetype == "text/csv"
    assert by_format.data == by_accept.data
    rows = list(csv.DictReader(io.StringIO(by_format.get_data(as_text=True))))
    assert list(rows[0]) == list(ENDPOINTS["observations"][2])
    as_json = get(app_client, path).get_json()["data"]
    assert [r["year"] for r in rows] == [str(r["year"]) for r in as_json]


def test_pages_are_stable_and_complete(app_client):
    path = "/api/v1/observations?indicator=youth_care_trajectories"
    whole = get(app_client, f"{path}&limit={MAX_LIMIT}").get_json()
    collected, link = [], f"{path}&limit=7"
    while link:
        page = get(app_client, link).get_json()
        collected += page["data"]
        link = page["next"]
    assert collected == whole["data"] and whole["total"] == len(collected)


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("indicator=youth_care_clients&jaartal=2020", "jaartal"),
        ("indicator=youth_care_clients&indicator=population", "indicator"),
        ("maat=aantal", "indicator"),
        ("indicator=youth_care_clients&maat=euro", "maat"),
        ("indicator=youth_care_clients&gemeente=GM9999", "gemeente"),
        ("indicator=youth_care_clients&groep=province:XX", "groep"),
        ("indicator=youth_care_clients&van=twintig", "van"),
        (f"indicator=youth_care_clients&limit={MAX_LIMIT + 1}", "limit"),
        ("indicator=youth_care_clients&categorie=geen", "categorie"),
    ],
)
def test_a_bad_parameter_is_a_problem_naming_it(app_client, query, parameter):
    answer = get(app_client, f"/api/v1/observations?{query}")
    assert answer.status_code == 400 and answer.mimetype == "application/problem+json"
    problem = answer.get_json()
    assert problem["parameter"] == parameter and problem["status"] == 400
    assert parameter in problem["detail"]


def test_a_group_gives_its_members_of_each_year(app_client):
    members = get(app_client, "/api/v1/groups?groep=province:PV26").get_json()["data"]
    assert {m["municipality_code"] for m in members} >= {"GM0351"}
    rows = get(
        app_client, "/api/v1/observations?indicator=youth_care_clients&groep=province:PV26"
    ).get_json()["data"]
    pairs = {(m["municipality_code"], m["year"]) for m in members}
    assert rows and all((r["municipality_code"], r["year"]) in pairs for r in rows)


def test_the_release_parquet_opens_in_duckdb_and_holds_no_hidden_value(app_client, release):
    answer = get(app_client, f"/api/v1/releases/{release.release_id}/observations.parquet")
    assert answer.status_code == 200 and answer.headers["Cache-Control"].endswith("immutable")
    path = release.path.parent.parent / "test-observations.parquet"
    path.write_bytes(answer.data)
    with duckdb.connect() as connection:
        hidden = connection.execute(
            "select count(*), count(value) + count(value_low) + count(value_high) "
            f"from '{path}' where sign = 'x'"
        ).fetchone()
        total = connection.execute(f"select count(*) from '{path}'").fetchone()
    assert hidden is not None and hidden[0] > 0 and hidden[1] == 0
    mart_rows = release.query("export_observations")
    assert total == (len(mart_rows),)


@pytest.mark.parametrize("name, extension", [("csv.zip", ".csv"), ("parquet.zip", ".parquet")])
def test_the_zipped_tables_hold_every_public_table_and_a_readme(
    app_client, release, name, extension
):
    answer = get(app_client, f"/api/v1/releases/{release.release_id}/{name}")
    with zipfile.ZipFile(io.BytesIO(answer.data)) as archive:
        names = set(archive.namelist())
        readme = archive.read("README.md").decode()
    tables = release.tables()
    assert names == {"README.md", *(f"{table}{extension}" for table in tables)}
    assert all(f"### {table}" in readme for table in tables)
    assert "CC BY 4.0" in readme and release.release_id in readme


def test_the_openapi_document_names_every_route(app_client):
    document = get(app_client, "/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    assert {f"/api/v1/{name}" for name in ENDPOINTS} <= set(document["paths"])
    assert get(app_client, "/api/v1/nothing").status_code == 404
