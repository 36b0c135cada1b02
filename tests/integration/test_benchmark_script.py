"""The benchmark script still runs: its imports, its publish and its peers (no times asserted;
speed is read from the benchmark's own report, never from a test)."""

from __future__ import annotations

from data_pipeline.settings import PipelineSettings


def test_the_benchmark_publishes_the_default_store_and_measures_its_peers(tmp_path):
    from benchmarks import visits
    from benchmarks.callbacks import minimal_ms, trivial_ms
    from benchmarks.run import publish_default

    settings = PipelineSettings.from_env(db_path=tmp_path / "store.duckdb")
    publish_default(settings)
    assert settings.db_path.exists()
    assert minimal_ms(2) > 0 and trivial_ms(2) > 0
    assert visits.MINIMAL_APP == "benchmarks.minimal_app:server"
