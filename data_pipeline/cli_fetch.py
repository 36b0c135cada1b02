"""The `fetch` subcommand: CBS/RIVM StatLine tables from the API (or saved responses).

Part of the one entry point `python -m data_pipeline` (see cli.py).
"""

from __future__ import annotations

from pathlib import Path

import click

from data_pipeline.cli import (
    DATA_PROBLEMS,
    DataProblem,
    _publish,
    _settings,
    cli,
    data_option,
    db_option,
)
from data_pipeline.settings import PipelineSettings
from data_pipeline.sources import cbs_check, cbs_client, cbs_statline, reference


def default_regions(
    settings: PipelineSettings, municipality: str, with_province: bool
) -> list[str]:
    """The municipality, the other municipalities of its province, the province and NL01."""
    regions = reference.read_municipalities(settings.data_dir)
    row = regions[regions["municipality_code"] == municipality]
    if row.empty:
        raise DataProblem(f"--gemeente: unknown municipality code '{municipality}'")
    codes = [municipality]
    province = row["province_code"].iloc[0]
    if with_province and province:
        codes += regions.loc[
            (regions["province_code"] == province)
            & (regions["region_kind"] == "municipality")
            & regions["valid_to"].isna(),
            "municipality_code",
        ].tolist()
        codes.append(province)
    return list(dict.fromkeys([*codes, "NL01"]))


@cli.command(help="Download CBS/RIVM StatLine tables (or replay saved responses), then publish.")
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
    settings = _settings(db, data_dir)
    selected = set(only) or None
    roots = {"opendata": api_root, "dataderden": api_root} if api_root else None
    if check_only:
        _check(selected, roots, timeout)
        return
    try:
        if from_dir:
            folders = cbs_statline.replay_folder(from_dir, settings.raw_dir, selected)
        else:
            codes = list(regions) or default_regions(
                settings, gemeente.upper(), not without_province
            )
            folders = cbs_client.fetch_tables(
                settings.raw_dir,
                region_codes=codes,
                only=selected,
                base_urls=roots,
                timeout_s=timeout,
                progress=lambda table, rows: click.echo(f"{table}: {rows} rows", err=True),
            )
        for folder in folders:
            click.echo(f"saved {folder}", err=True)
        release = _publish(settings)
    except (*DATA_PROBLEMS, KeyError) as problem:
        raise DataProblem(str(problem)) from problem
    click.echo(f"published release {release.stem}")


def _check(selected: set[str] | None, roots: dict[str, str] | None, timeout: float) -> None:
    """Print one line per edition; exit 1 when anything does not resolve."""
    try:
        lines = cbs_check.check_tables(only=selected, base_urls=roots, timeout_s=timeout)
    except KeyError as problem:
        raise DataProblem(str(problem)) from problem
    for line in lines:
        click.echo(f"{'ok  ' if line.ok else 'FOUT'} {line.text}")
    if not all(line.ok for line in lines):
        raise DataProblem("not every registered table resolves; see the lines marked FOUT")
