"""What the subcommands of `python -m data_pipeline` share: options, problems, publishing.

cli.py assembles the commands; cli_fetch.py defines `fetch`. Both import this module, so
neither imports the other.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import click

from data_pipeline.build import InputLoader, build_store
from data_pipeline.errors import CheckFailed, InputError, ModelFailed, SourceError
from data_pipeline.publish import Build, publish_locked
from data_pipeline.settings import PipelineSettings
from data_pipeline.sources.imports import registrations

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


def settings_from_options(
    db: Path | None, data_dir: Path | None, demo: bool = False
) -> PipelineSettings:
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
