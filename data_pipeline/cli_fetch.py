"""The `fetch` subcommand: CBS/RIVM StatLine tables from the API (or saved responses).

Part of the one entry point `python -m data_pipeline` (see cli.py).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import click

from data_pipeline.cli_common import (
    DATA_PROBLEMS,
    DataProblem,
    data_option,
    db_option,
    environment_problem,
    publish_now,
    settings_from_options,
)
from data_pipeline.publish import exclusive, is_demo_store
from data_pipeline.settings import PipelineSettings
from data_pipeline.sources import regions
from data_pipeline.sources.cbs import check as cbs_check
from data_pipeline.sources.cbs import client as cbs_client
from data_pipeline.sources.cbs import statline as cbs_statline


def default_regions(
    settings: PipelineSettings, municipality: str, with_province: bool
) -> list[str]:
    """The municipality, the other municipalities of its province, the province and NL01."""
    known = regions.read_municipalities(settings.data_dir)
    row = known[known["municipality_code"] == municipality]
    if row.empty:
        raise DataProblem(f"--gemeente: onbekende gemeentecode '{municipality}'")
    codes = [municipality]
    province = row["province_code"].iloc[0]
    if with_province and province:
        codes += known.loc[
            (known["province_code"] == province)
            & (known["region_kind"] == "municipality")
            & known["valid_to"].isna(),
            "municipality_code",
        ].tolist()
        codes.append(province)
    return list(dict.fromkeys([*codes, "NL01"]))


@click.command(help="Download CBS/RIVM StatLine tables (or replay saved responses), then publish.")
@click.option(
    "--gemeente",
    default="GM0351",
    show_default=True,
    help="Municipality to fetch, with its comparison group.",
)
@click.option(
    "--region",
    "regions",
    multiple=True,
    help="Fetch exactly these region codes instead (repeatable), e.g. GM0351 NL01.",
)
@click.option(
    "--zonder-provincie",
    "without_province",
    is_flag=True,
    help="Do not fetch the other municipalities of the province.",
)
@click.option("--only", multiple=True, help="Only these tables (registry key or table id).")
@click.option(
    "--from-dir",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Replay saved responses (<TableId>/<Entity>.json) instead of the network.",
)
@click.option("--timeout", default=30.0, show_default=True, help="Seconds per request.")
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Only ask for each table's metadata and report whether everything resolves; "
    "load and publish nothing.",
)
@click.option(
    "--api-root",
    envvar="SK_CBS_BASE_URL",
    default=None,
    help="Use this OData root for every host (a mirror or a test stand-in). "
    "Default: $SK_CBS_BASE_URL, else the CBS hosts.",
)
@db_option
@data_option
def fetch(
    gemeente: str,
    regions: tuple[str, ...],
    without_province: bool,
    only: tuple[str, ...],
    from_dir: Path | None,
    timeout: float,
    check_only: bool,
    api_root: str | None,
    db: Path | None,
    data_dir: Path | None,
) -> None:
    """Save the tables in the raw folder, rebuild, check and publish."""
    settings = settings_from_options(db, data_dir)
    settings = replace(settings, demo=is_demo_store(settings.db_path))  # a demo stays a demo
    selected = set(only) or None
    roots = {"opendata": api_root, "dataderden": api_root} if api_root else None
    if check_only:
        _check(selected, roots, timeout)
        return
    try:
        codes = (
            []
            if from_dir
            else list(regions) or default_regions(settings, gemeente.upper(), not without_province)
        )

        def download(raw_dir: Path) -> list[Path]:
            if from_dir:
                return cbs_statline.replay_folder(from_dir, raw_dir, selected)
            return cbs_client.fetch_tables(
                raw_dir,
                region_codes=codes,
                only=selected,
                base_urls=roots,
                timeout_s=timeout,
                progress=lambda table, rows: click.echo(f"{table}: {rows} rows", err=True),
            )

        release = fetch_and_publish(settings, download)
    except (*DATA_PROBLEMS, KeyError) as problem:
        raise DataProblem(str(problem)) from problem
    except OSError as error:
        raise environment_problem(error) from error
    click.echo(f"published release {release.stem}")


def fetch_and_publish(settings: PipelineSettings, download: Callable[[Path], list[Path]]) -> Path:
    """Download into a copy of the raw folder; it replaces the raw folder only after a publish.

    Under the store's lock: an interrupted or failed fetch leaves the raw folder as it was (the
    copy, `<raw>.next`, is removed by the next fetch), so a later `run` never publishes half a
    download.
    """
    staging = settings.raw_dir.with_name(settings.raw_dir.name + ".next")
    with exclusive(settings.db_path):
        shutil.rmtree(staging, ignore_errors=True)
        if settings.raw_dir.is_dir():
            shutil.copytree(settings.raw_dir, staging)
        try:
            for folder in download(staging):
                click.echo(f"saved {settings.raw_dir / folder.name}", err=True)
            release = publish_now(replace(settings, raw_dir=staging))
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        previous = settings.raw_dir.with_name(settings.raw_dir.name + ".previous")
        shutil.rmtree(previous, ignore_errors=True)
        if settings.raw_dir.exists():
            os.replace(settings.raw_dir, previous)
        os.replace(staging, settings.raw_dir)
        shutil.rmtree(previous, ignore_errors=True)
    return release


def _check(selected: set[str] | None, roots: dict[str, str] | None, timeout: float) -> None:
    """Print one line per edition; exit 1 when anything does not resolve."""
    try:
        lines = cbs_check.check_tables(only=selected, base_urls=roots, timeout_s=timeout)
    except KeyError as problem:
        raise DataProblem(str(problem)) from problem
    for line in lines:
        click.echo(f"{'ok  ' if line.ok else 'FOUT'} {line.text}")
    if not all(line.ok for line in lines):
        raise DataProblem("niet elke geregistreerde tabel is te lezen; zie de regels met FOUT")
