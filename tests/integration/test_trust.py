"""Trust, second pass: every claim on screen is as strong as its weakest part, and no stronger."""

from __future__ import annotations

import importlib
import tomllib

import pandas as pd
from click.testing import CliRunner

from data_pipeline.cli import cli
from data_pipeline.settings import PROJECT_ROOT
from tests.conftest import fixture_settings

CASES = PROJECT_ROOT / "data" / "cases"


def page(name: str):
    return importlib.import_module(f"dashboard.pages.{name}")


def import_file(settings, kind: str, text: str, tmp_path) -> None:
    env = {"SK_RAW_DIR": str(settings.raw_dir), "SK_IMPORTS_DIR": str(settings.imports_dir)}
    common = ["--db", str(settings.db_path), "--data-dir", str(settings.data_dir)]
    runner = CliRunner()
    if not settings.db_path.exists():
        assert runner.invoke(cli, ["run", "--demo", *common], env=env).exit_code == 0
    path = tmp_path / f"{kind}.csv"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(
        cli, ["import", kind, str(path), "--leverancier", "Gemeente", *common], env=env
    )
    assert result.exit_code == 0, result.output


SPEND = "gemeentecode;jaar;categorie;begroot_eur;gerealiseerd_eur\n"


def test_real_spend_against_a_generated_budget_says_it_is_generated(tmp_path, pointed_at, texts):
    """An imported (real) spend beside the demo's generated budget: the sentence that compares
    them carries the weaker status and says so."""
    settings = fixture_settings(tmp_path)
    rows = "".join(
        f"GM0327;2022;{c};;1.000.000\n"
        for c in (
            "jeugdhulp_zonder_verblijf",
            "jeugdhulp_met_verblijf",
            "jeugdbescherming_reclassering",
        )
    )
    import_file(settings, "uitgaven", SPEND + rows, tmp_path)
    with pointed_at(settings.db_path):
        shown = texts(page("uitgaven").layout(gemeente="GM0327", maat="euro"))
    sentence = shown.split("Jeugdzorg: gerealiseerd tegenover begroot", 1)[1][:400]
    assert "de begroting (status van dit cijfer: gegenereerd" in sentence


def test_an_incomplete_imported_total_is_not_shown_as_the_total(tmp_path, pointed_at, texts):
    settings = fixture_settings(tmp_path)
    rows = (
        "GM0327;2023;jeugdhulp_zonder_verblijf;;800.000\n"
        "GM0327;2023;jeugdhulp_met_verblijf;;400.000\n"
    )
    import_file(settings, "uitgaven", SPEND + rows, tmp_path)
    with pointed_at(settings.db_path):
        shown = texts(page("kerncijfers").layout(gemeente="GM0327", jaar="2023"))
    spend = shown.split("Uitgaven jeugdzorg", 1)[1][:700]
    assert "niet alle delen van het totaal" in spend and "jeugdbescherming reclassering" in spend
    assert "€ 1.200.000" not in spend  # the partial sum is never the card's number


def test_link_previews_use_the_real_status_words(in_app):
    from dashboard.serving.previews import preview

    _, description = preview("/", {"gemeente": "GM0351", "jaar": "2022"})
    assert "Jongeren met jeugdzorg: 311 jongeren (2022, voorlopig)" in description


def test_claims_describe_what_was_measured_and_name_who_made_them(default_store, pointed_at, texts):
    kpis = pd.read_csv(PROJECT_ROOT / "data" / "reference" / "kpis.csv")
    assert not kpis["definition_nl"].str.contains("betekent dat").any()
    with pointed_at(default_store):
        shown = texts(page("jeugdhulp").layout(gemeente="GM0351", maat="aantal"))
    assert "Volgens VNG Magazine is het aantal" in shown  # the 311 event names who says it
    case = tomllib.loads((CASES / "de-kleine-schans.toml").read_text("utf-8"))
    cited = [item for item in case["key_figures"] if item.get("ref") == "002:30"]
    assert cited and all("VNG Magazine" in item["note"] for item in cited)


def test_source_dates_are_the_publishers_or_said_to_be_retrieval_dates(
    default_store, pointed_at, texts
):
    with pointed_at(default_store):
        shown = texts(page("jeugdhulp").layout(gemeente="GM0351"))
    assert "(85099NED), opgehaald 23 april 2025" in shown


def test_case_files_say_what_is_their_own_reading():
    def case(name: str) -> dict:
        return tomllib.loads((CASES / f"{name}.toml").read_text("utf-8"))

    re_u = case("re-u-eindhoven")
    assert re_u["phase"] == "afbouw" and "geen afbouwfase" not in re_u["source"]["reading_notes"]
    figures = {f["value"]: f for f in case("hefbomenteam-amsterdam")["key_figures"]}
    assert all("year" not in figures[v] for v in (1200, 134000, 70))  # no year the text lacks
    shifts = case("wattwest")["government_role"]["shifts"]
    assert (
        shifts[1]["from_year"] == shifts[0]["to_year"] + 1 and "Eigen lezing" in shifts[1]["note"]
    )
    assert "Eigen lezing" in case("samen-doen-aalburg")["government_role"]["shifts"][0]["note"]
    boot = " ".join(f.get("note", "") for f in case("boot-amsterdam")["key_figures"])
    assert "projectmanager" in boot and "BOOT-manager" in boot


def test_no_citation_spans_more_than_sixty_lines():
    import re

    for path in CASES.glob("*.toml"):
        for first, last in re.findall(r"\d{3}:(\d+)-(\d+)", path.read_text("utf-8")):
            assert int(last) - int(first) <= 60, (path.name, first, last)
