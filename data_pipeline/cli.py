"""Command line: `python -m data_pipeline {run,build,validate,check}` (also `sociaal-kompas-etl`).

Exit codes: 0 ok, 1 data problem (message names file, row and field; live store untouched),
2 usage error.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from data_pipeline.build import build_store, load_all_inputs
from data_pipeline.checks import run_checks
from data_pipeline.errors import CheckFailed, InputError, SourceError
from data_pipeline.publish import build_audit_publish
from data_pipeline.settings import PipelineSettings

DATA_PROBLEMS = (InputError, CheckFailed, SourceError)


class DataProblem(click.ClickException):
    """Exit code 1 with the located message on stderr."""

    exit_code = 1

    def format_message(self) -> str:
        return f"Data problem, nothing published:\n{self.message}"


def _settings(db: Path | None, data_dir: Path | None) -> PipelineSettings:
    return PipelineSettings.from_env(db_path=db, data_dir=data_dir)


db_option = click.option(
    "--db", type=click.Path(path_type=Path), default=None,
    help="Store file to publish to. Default: $SK_DB_PATH or var/store.duckdb.",
)
data_option = click.option(
    "--data-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
    help="Folder with reference/, documented/ and cases/. Default: $SK_DATA_DIR or data/.",
)


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
def run(db: Path | None, data_dir: Path | None) -> None:
    """Write-audit-publish the store."""
    settings = _settings(db, data_dir)
    try:
        live = build_audit_publish(settings.db_path, lambda target: build_store(settings, target))
    except DATA_PROBLEMS as problem:
        raise DataProblem(str(problem)) from problem
    click.echo(f"published {live}")


@cli.command(help="Build a store into OUTPUT and run the checks, without publishing it.")
@click.argument("output", type=click.Path(path_type=Path, dir_okay=False))
@data_option
def build(output: Path, data_dir: Path | None) -> None:
    """Build and check a store file anywhere, e.g. for inspection."""
    settings = _settings(None, data_dir)
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
        inputs = load_all_inputs(_settings(None, data_dir))
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


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="python -m data_pipeline")
