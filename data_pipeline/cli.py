"""Command line: `python -m data_pipeline {run,build,validate,check,fetch,import}`.

Also installed as `sociaal-kompas-etl`.

Exit codes: 0 ok, 1 data problem (message names file, row and field; live store untouched),
2 usage error, 3 environment problem (full disk, read-only folder; live store untouched).
"""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import click

from data_pipeline.build import build_store, load_all_inputs
from data_pipeline.checks import run_checks
from data_pipeline.cli_common import (
    DATA_PROBLEMS,
    DataProblem,
    data_option,
    db_option,
    demo_option,
    environment_problem,
    publish_now,
    settings_from_options,
)
from data_pipeline.cli_fetch import fetch
from data_pipeline.errors import CheckFailed
from data_pipeline.publish import exclusive, is_demo_store
from data_pipeline.settings import PipelineSettings
from data_pipeline.sources import regions
from data_pipeline.sources.imports import registrations
from data_pipeline.sources.imports.local_files import READERS


@click.group(help="Build and publish the Sociaal Kompas DuckDB store.")
@click.option("-v", "--verbose", is_flag=True, help="Log every step to stderr.")
def cli(verbose: bool) -> None:
    """Configure logging for all subcommands."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(message)s",
        stream=sys.stderr,
    )


@cli.command(help="Build a new store from the inputs, check it, and swap it in atomically.")
@db_option
@data_option
@demo_option
def run(db: Path | None, data_dir: Path | None, demo: bool) -> None:
    """Write-audit-publish the store."""
    settings = settings_from_options(db, data_dir, demo)
    try:
        release = _publish(settings)
    except DATA_PROBLEMS as problem:
        raise DataProblem(str(problem)) from problem
    except OSError as error:
        raise environment_problem(error) from error
    click.echo(f"published release {release.stem} ({settings.db_path} -> {release.name})")


@cli.command(help="Build a store into OUTPUT and run the checks, without publishing it.")
@click.argument("output", type=click.Path(path_type=Path, dir_okay=False))
@data_option
@demo_option
def build(output: Path, data_dir: Path | None, demo: bool) -> None:
    """Build and check a store file anywhere, e.g. for inspection."""
    settings = replace(settings_from_options(None, data_dir), demo=demo)
    try:
        build_store(settings, output)
        failures = run_checks(output)
        if failures:
            raise CheckFailed(failures)
    except DATA_PROBLEMS as problem:
        raise DataProblem(str(problem)) from problem
    click.echo(f"built {output}")


@cli.command(help="Read and validate every input file without building anything.")
@data_option
def validate(data_dir: Path | None) -> None:
    """Parse all inputs and report every problem found."""
    try:
        inputs = load_all_inputs(settings_from_options(None, data_dir))
    except DATA_PROBLEMS as problem:
        raise DataProblem(str(problem)) from problem
    click.echo(f"inputs valid: {len(inputs['observations'])} observations")


@cli.command(help="Run the data checks on an existing store file.")
@click.argument("store", type=click.Path(path_type=Path, exists=True, dir_okay=False))
def check(store: Path) -> None:
    """Audit a store without changing it."""
    failures = run_checks(store)
    if failures:
        raise DataProblem(str(CheckFailed(failures)))
    click.echo(f"all checks passed: {store}")


def _publish(settings: PipelineSettings) -> Path:
    """Build, check and publish a new release of the store, under the store's lock."""
    with exclusive(settings.db_path):
        return publish_now(settings)


@cli.command(name="import", help="Import a local registration file (CSV or .xlsx) and publish.")
@click.argument("kind", type=click.Choice(sorted(READERS)))
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "--leverancier",
    "supplier",
    required=True,
    help="Who supplied the file, e.g. 'Coöperatie De Kleine Schans'.",
)
@db_option
@data_option
def import_file(
    kind: str, file: Path, supplier: str, db: Path | None, data_dir: Path | None
) -> None:
    """Validate every row; the file is kept only if its publish succeeds."""
    settings = settings_from_options(db, data_dir)
    settings = replace(settings, demo=is_demo_store(settings.db_path))  # a demo stays a demo
    imported_at = datetime.now(UTC).isoformat(timespec="seconds")
    try:
        known = set(regions.read_municipalities(settings.data_dir)["municipality_code"])
        batch = registrations.validate_import(kind, file, settings, known, supplier, imported_at)
        with exclusive(settings.db_path):
            pending = registrations.stage_import(kind, file, settings, supplier, imported_at)
            try:
                loaders = (registrations.pending_loader(pending),)
                release = publish_now(settings, loaders, pending=pending)
            except BaseException:  # a data problem, Ctrl-C or a kill signal turned exception
                pending.forget()
                raise
    except DATA_PROBLEMS as problem:
        raise DataProblem(str(problem)) from problem
    except OSError as error:
        raise environment_problem(error) from error
    click.echo(
        f"imported {len(batch.observations)} values from {file.name}; "
        f"published release {release.stem}"
    )


@cli.command(help="Rebuild the real-data extracts in data/extracts from the public files.")
@click.option(
    "--from",
    "real_dir",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    required=True,
    help="Folder with the public files (e.g. ../shared/data/real), one subfolder per source.",
)
@data_option
def extracts(real_dir: Path, data_dir: Path | None) -> None:
    """Write data/extracts/*: the only columns and rows of real files the store uses."""
    from data_pipeline import extracts as extract_files

    out_dir = settings_from_options(None, data_dir).data_dir / "extracts"
    try:
        written = extract_files.rebuild(real_dir, out_dir)
    except ImportError as missing:
        raise click.ClickException(
            f"{missing}: install the extras with pip install -e '.[test]'"
        ) from missing
    for path in written:
        click.echo(f"wrote {path} ({path.stat().st_size:,} bytes)")


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="python -m data_pipeline")


cli.add_command(fetch)  # defined in its own module (cli_fetch.py)
