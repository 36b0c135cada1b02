"""Command line: `python -m data_pipeline {run,build,validate,check,fetch,import}`.

Also installed as `sociaal-kompas-etl`.

Exit codes: 0 ok, 1 data problem (message names file, row and field; live store untouched),
2 usage error, 3 environment problem (full disk, read-only folder; live store untouched).
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import click

from data_pipeline.build import InputLoader, build_store, load_all_inputs
from data_pipeline.checks import run_checks
from data_pipeline.errors import CheckFailed, InputError, ModelFailed, SourceError
from data_pipeline.publish import Build, exclusive, is_demo_store, publish_locked
from data_pipeline.settings import PipelineSettings
from data_pipeline.sources import regions, registrations
from data_pipeline.sources.local_files import READERS

DATA_PROBLEMS = (InputError, CheckFailed, SourceError, ModelFailed)


class DataProblem(click.ClickException):
    """Exit code 1 with the located message on stderr."""

    exit_code = 1

    def format_message(self) -> str:
        return f"Gegevensprobleem, niets gepubliceerd:\n{self.message}"


class EnvironmentProblem(click.ClickException):
    """Exit code 3: the machine, not the data (a full disk, a read-only folder, no access)."""

    exit_code = 3

    def format_message(self) -> str:
        return (
            "Omgevingsprobleem, niets gepubliceerd (de huidige publicatie blijft staan):\n"
            f"{self.message}"
        )


def environment_problem(error: OSError) -> EnvironmentProblem:
    """A located Dutch message for an OSError (no traceback)."""
    where = f" ({error.filename})" if error.filename else ""
    return EnvironmentProblem(f"{error.strerror or error}{where}")


def _settings(db: Path | None, data_dir: Path | None, demo: bool = False) -> PipelineSettings:
    """Settings from the environment and the options; a demo build has a store of its own."""
    settings = PipelineSettings.from_env(db_path=db, data_dir=data_dir)
    if not demo:
        return settings
    own_store = db is None and not os.environ.get("SK_DB_PATH")
    return replace(
        settings, demo=True, db_path=settings.demo_db_path if own_store else settings.db_path
    )


db_option = click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=None,
    help="Store file to publish to. Default: $SK_DB_PATH or var/store.duckdb.",
)
demo_option = click.option(
    "--demo",
    is_flag=True,
    help="Add generated sample data (marked everywhere) where no real source has any; "
    "publishes to var/demo/store.duckdb unless --db or $SK_DB_PATH says otherwise.",
)
data_option = click.option(
    "--data-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
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
@demo_option
def run(db: Path | None, data_dir: Path | None, demo: bool) -> None:
    """Write-audit-publish the store."""
    settings = _settings(db, data_dir, demo)
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
    settings = replace(_settings(None, data_dir), demo=demo)
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


def builder(settings: PipelineSettings, extra_loaders: tuple[InputLoader, ...] = ()) -> Build:
    """The build step of a publish: the store from `settings` (plus extra loaders)."""
    return lambda target, release_id, previous: build_store(
        settings, target, release_id=release_id, previous=previous, extra_loaders=extra_loaders
    )


def publish_now(
    settings: PipelineSettings,
    extra_loaders: tuple[InputLoader, ...] = (),
    *,
    pending: registrations.PendingImport | None = None,
) -> Path:
    """Publish a release; the caller holds the lock.

    Pending files an interrupted import left behind go first (never the one being published).
    """
    registrations.remove_pending(settings.imports_dir, keep=pending)
    restore_interrupted_raw_swap(settings.raw_dir)
    return publish_locked(
        settings.db_path,
        builder(settings, extra_loaders),
        keep=settings.keep_releases,
        before_switch=pending.keep if pending is not None else None,
    )


def restore_interrupted_raw_swap(raw_dir: Path) -> None:
    """A fetch killed between its two renames leaves only `<raw>.previous`: put it back.

    Without this, the next run would build from no saved responses at all.
    """
    previous = raw_dir.with_name(raw_dir.name + ".previous")
    if previous.is_dir() and not raw_dir.exists():
        os.replace(previous, raw_dir)
        click.echo(f"{raw_dir} teruggezet uit {previous.name} (een onderbroken fetch)", err=True)


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
    settings = _settings(db, data_dir)
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

    out_dir = _settings(None, data_dir).data_dir / "extracts"
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


# Subcommands defined in their own modules register themselves on `cli` when imported.
from data_pipeline import cli_fetch  # noqa: E402, F401
