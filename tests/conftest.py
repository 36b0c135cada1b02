"""Shared fixtures: one real DuckDB store built from tests/fixtures by the pipeline's own code."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard.serving.warmup import router_request
from data_pipeline.build import build_store
from data_pipeline.observations import ObservationBatch
from data_pipeline.publish import build_audit_publish
from data_pipeline.settings import PROJECT_ROOT, PipelineSettings

FIXTURES = Path(__file__).parent / "fixtures"
STORE_FIXTURES = FIXTURES / "store"
SHARED = PROJECT_ROOT.parent / "shared"


def work_file(store: Path) -> Path:
    """The work file (raw, staging, core and marts) of the build behind a store's current
    release: tests of the pipeline's inner tables read it; the release itself holds only marts."""
    if not store.is_symlink():
        return store  # a file built directly (build_store), work tables and all
    return store.parent / "build" / Path(os.readlink(store)).name


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
    for path in (PROJECT_ROOT / "data" / "reference").glob("*.csv"):
        if path.name != "municipalities.csv":  # the fixture has its own, smaller list
            shutil.copy(path, root / "reference" / path.name)
    shutil.copy(STORE_FIXTURES / "municipalities.csv", root / "reference" / "municipalities.csv")
    shutil.copy(STORE_FIXTURES / "documented_figures.csv", root / "documented" / "figures.csv")
    cases = PROJECT_ROOT / "data" / "cases"
    if cases.exists():
        shutil.copytree(cases, root / "cases")
    return root


# Every page a visitor can open, one case page standing for all (browser and HTTP tests).
PAGE_PATHS = (
    "/",
    "/jeugdhulp",
    "/verwijzingen",
    "/uitgaven",
    "/vrijwilligers",
    "/casussen",
    "/casussen/de-kleine-schans",
    "/gegevens",
    "/toegankelijkheid",
)


def fixture_settings(root: Path) -> PipelineSettings:
    """Pipeline settings pointing at a fixture data dir and a store under `root`."""
    return PipelineSettings(
        db_path=root / "store.duckdb",
        data_dir=make_data_dir(root / "data"),
        raw_dir=root / "raw",
        imports_dir=root / "imports",
        first_year=2018,
        last_year=2022,
        demo=True,  # the fixture store is a demo store: sample data beside the fixture's own
    )


def publish_fixture_store(settings: PipelineSettings, *, keep: int = 12) -> Path:
    """Build, audit and publish the fixture store exactly as the CLI does; returns the release."""
    return publish_with(settings, fixture_observations_loader, keep=keep)


@pytest.fixture(scope="session")
def pipeline_settings(tmp_path_factory: pytest.TempPathFactory) -> PipelineSettings:
    """Settings of the session's fixture store."""
    return fixture_settings(tmp_path_factory.mktemp("store"))


@pytest.fixture(scope="session")
def store(pipeline_settings: PipelineSettings) -> Path:
    """The store path of the published fixture store (built once per session)."""
    publish_fixture_store(pipeline_settings)
    return pipeline_settings.db_path


@pytest.fixture(scope="session")
def dash_app(store: Path):
    """The one app instance of the session (Dash pages are registered process-wide)."""
    from dashboard.app import create_app
    from dashboard.settings import Settings

    return create_app(Settings(db_path=store))


@pytest.fixture(scope="session")
def app_client(dash_app):
    """A test client of the session's app, after Dash registered its pages' routing."""
    client = dash_app.server.test_client()
    client.get("/")
    return client


def json_strings(value: object) -> list[str]:
    """Every string in a decoded JSON document (a rendered page's texts, ids and props)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in json_strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in json_strings(item)]
    return []


@pytest.fixture(scope="session")
def render_over_http(app_client):
    """`render_over_http(path, search)`: (status, every string of the page) as a browser gets it."""

    def render(path: str, search: str = "") -> tuple[int, str]:
        response = app_client.post("/_dash-update-component", json=router_request(path, search))
        body = response.get_json(silent=True)
        return response.status_code, " ".join(json_strings(body))

    return render


@pytest.fixture()
def release(dash_app, app_client):
    """The current release of the fixture store, inside the app's context."""
    from dashboard.serving import runtime

    with dash_app.server.app_context():
        yield runtime.current().store.current()


@pytest.fixture()
def in_app(dash_app, app_client):
    """Run the test inside a request to the app (pages read settings and store from it)."""
    with dash_app.server.test_request_context("/"):
        yield dash_app


def component_texts(component: object) -> list[str]:
    """Every string in a Dash component tree, depth first."""
    if isinstance(component, str):
        return [component]
    if isinstance(component, list | tuple):
        return [text for child in component for text in component_texts(child)]
    children = getattr(component, "children", None)
    if children is None:
        return []
    if not isinstance(children, list):
        children = [children]
    return [text for child in children for text in component_texts(child)]


@pytest.fixture()
def texts():
    """`texts(component)`: every string in a component tree, joined by spaces."""
    return lambda component: " ".join(component_texts(component))


@pytest.fixture(scope="session")
def vocabulary_labels() -> dict[str, dict[str, str]]:
    """Dutch labels per vocabulary, as the store serves them (from data/reference)."""
    rows = pd.read_csv(PROJECT_ROOT / "data" / "reference" / "vocabularies.csv", dtype="string")
    labels: dict[str, dict[str, str]] = {}
    for row in rows.sort_values(
        ["vocabulary", "sort_order"], key=lambda c: c.astype("string")
    ).itertuples():
        labels.setdefault(row.vocabulary, {})[row.code] = row.label_nl
    return labels


def find_components(component: object, predicate) -> list:
    """All components in a tree for which predicate holds."""
    found = [component] if predicate(component) else []
    children = getattr(component, "children", None)
    if children is None:
        return found
    for child in children if isinstance(children, list) else [children]:
        found += find_components(child, predicate)
    return found


@pytest.fixture()
def panel_rows():
    """`panel_rows(layout, panel)`: the rows a panel's downloads contain."""

    def rows(layout: object, panel: str) -> list[dict]:
        stores = find_components(
            layout, lambda c: getattr(c, "id", None) == {"type": "sk-panel-data", "panel": panel}
        )
        return stores[0].sk_download["rows"]  # kept on the server, not sent to the browser

    return rows


@pytest.fixture()
def find():
    """`find(layout, predicate)`: the components of a tree for which predicate holds."""
    return find_components


@pytest.fixture(scope="session")
def fixture_value():
    """`fixture_value(indicator, code, year, category='total')`: a value of the fixture inputs."""
    rows = fixture_csv("observations.csv")

    def value(indicator: str, code: str, year: int, category: str = "total") -> float:
        match = rows[
            (rows["indicator"] == indicator)
            & (rows["municipality_code"] == code)
            & (rows["year"] == str(year))
            & (rows["category"] == category)
        ]
        return float(match["value"].item())

    return value


@pytest.fixture()
def pointed_at(dash_app):
    """`with pointed_at(store_path): ...` renders pages inside a request against another store."""
    from contextlib import contextmanager

    from dashboard.app import QUERY_DIR
    from dashboard.serving import runtime
    from dashboard.store.db import Store

    @contextmanager
    def serving(path: Path):
        with dash_app.server.test_request_context("/"):
            original = runtime.current()
            runtime.install(
                dash_app.server, runtime.Runtime(original.settings, Store(path, QUERY_DIR))
            )
            try:
                yield
            finally:
                runtime.install(dash_app.server, original)

    return serving


def later_import(
    code: str,
    publisher: str,
    retrieved_at: str,
    value: float = 999.0,
    indicator: str = "volunteers_registered",
):
    """A pipeline loader: an import of `value` (volunteers) for `code` in 2022 (a later release)."""

    def loader(_settings, _municipalities):
        source = {
            "source_id": "fixture:later",
            "kind": "import",
            "publisher": publisher,
            "title": "Registratie",
            "reference": "later.csv",
            "published_on": "",
            "retrieved_at": retrieved_at,
            "licence": "",
            "url": "",
            "is_demo": False,
        }
        observation = {
            "indicator": indicator,
            "municipality_code": code,
            "year": 2022,
            "category": "total",
            "value": value,
            "source_id": "fixture:later",
            "is_demo": False,
            "is_provisional": False,
        }
        return {"observations": pd.DataFrame([observation]), "sources": pd.DataFrame([source])}

    return loader


def publish_with(settings: PipelineSettings, *loaders, keep: int = 12) -> Path:
    """Build, check and publish a release from `settings` plus extra loaders."""
    return build_audit_publish(
        settings.db_path,
        lambda target, release_id, previous: build_store(
            settings, target, release_id=release_id, previous=previous, extra_loaders=loaders
        ),
        keep=keep,
    )


@pytest.fixture(scope="session")
def default_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded default data (data/), as `python -m data_pipeline run` publishes it."""
    root = tmp_path_factory.mktemp("default")
    settings = PipelineSettings(
        db_path=root / "store.duckdb", raw_dir=root / "raw", imports_dir=root / "imports"
    )
    publish_with(settings)
    return settings.db_path


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded default data plus generated sample data, as `run --demo` publishes it."""
    root = tmp_path_factory.mktemp("demo")
    settings = PipelineSettings(
        db_path=root / "store.duckdb", raw_dir=root / "raw", imports_dir=root / "imports", demo=True
    )
    publish_with(settings)
    return settings.db_path


@pytest.fixture(scope="session")
def fetched_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default data after `fetch --from-dir tests/fixtures/cbs` (recorded CBS responses)."""
    root = tmp_path_factory.mktemp("fetched")
    shutil.copytree(FIXTURES / "cbs", root / "raw")
    settings = PipelineSettings(
        db_path=root / "store.duckdb", raw_dir=root / "raw", imports_dir=root / "imports"
    )
    publish_with(settings)
    return settings.db_path
