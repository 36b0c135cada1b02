"""Shared fixtures: one real DuckDB store built from tests/fixtures by the pipeline's own code."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from data_pipeline.build import build_store
from data_pipeline.observations import ObservationBatch
from data_pipeline.publish import build_audit_publish
from data_pipeline.settings import PROJECT_ROOT, PipelineSettings

FIXTURES = Path(__file__).parent / "fixtures"
STORE_FIXTURES = FIXTURES / "store"
SHARED = PROJECT_ROOT.parent / "shared"


def fixture_csv(name: str) -> pd.DataFrame:
    """A fixture CSV as strings, for tests that compute expectations from the inputs."""
    return pd.read_csv(STORE_FIXTURES / name, dtype="string", keep_default_na=False)


def fixture_observations_loader(
    _settings: PipelineSettings, _municipalities: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """Extra loader: the hand-written fixture observations with their (non-sample) sources."""
    observations = pd.read_csv(STORE_FIXTURES / "observations.csv")
    sources = pd.read_csv(
        STORE_FIXTURES / "sources.csv", dtype={"published_on": "string"}, keep_default_na=False
    )
    batch = ObservationBatch(observations, sources)
    return {"observations": batch.observations, "sources": batch.sources}


def make_data_dir(root: Path) -> Path:
    """A data dir with the fixture municipalities and documented figures, real categories."""
    (root / "reference").mkdir(parents=True)
    (root / "documented").mkdir()
    for name in ("categories.csv", "provinces.csv"):
        shutil.copy(PROJECT_ROOT / "data" / "reference" / name, root / "reference" / name)
    shutil.copy(STORE_FIXTURES / "municipalities.csv", root / "reference" / "municipalities.csv")
    shutil.copy(STORE_FIXTURES / "documented_figures.csv", root / "documented" / "figures.csv")
    cases = PROJECT_ROOT / "data" / "cases"
    if cases.exists():
        shutil.copytree(cases, root / "cases")
    return root


def fixture_settings(root: Path) -> PipelineSettings:
    """Pipeline settings pointing at a fixture data dir and a store under `root`."""
    return PipelineSettings(
        db_path=root / "store.duckdb",
        data_dir=make_data_dir(root / "data"),
        raw_dir=root / "raw",
        imports_dir=root / "imports",
        first_year=2018,
        last_year=2022,
    )


def publish_fixture_store(settings: PipelineSettings) -> Path:
    """Build, audit and publish the fixture store exactly as the CLI does."""
    return build_audit_publish(
        settings.db_path,
        lambda target: build_store(settings, target, extra_loaders=(fixture_observations_loader,)),
    )


@pytest.fixture(scope="session")
def pipeline_settings(tmp_path_factory: pytest.TempPathFactory) -> PipelineSettings:
    """Settings of the session's fixture store."""
    return fixture_settings(tmp_path_factory.mktemp("store"))


@pytest.fixture(scope="session")
def store(pipeline_settings: PipelineSettings) -> Path:
    """The published fixture store (built once per session)."""
    return publish_fixture_store(pipeline_settings)


@pytest.fixture(scope="session")
def app_settings(store: Path) -> Iterator[None]:
    """Point the app at the fixture store for the whole session."""
    from dashboard import settings as app_settings_module

    patcher = pytest.MonkeyPatch()
    patcher.setenv("SK_DB_PATH", str(store))
    app_settings_module.get_settings.cache_clear()
    yield
    patcher.undo()
    app_settings_module.get_settings.cache_clear()


@pytest.fixture(scope="session")
def dash_app(app_settings: None):  # noqa: ANN201 - dash.Dash
    """The one app instance of the session (Dash pages are registered process-wide)."""
    from dashboard.app import create_app

    return create_app()
