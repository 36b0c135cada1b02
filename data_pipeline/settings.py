"""Pipeline settings from SK_* environment variables: argument > environment > default."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value) if value else default


@dataclass(frozen=True)
class PipelineSettings:
    """Where the pipeline reads inputs and publishes the store."""

    db_path: Path = field(default_factory=lambda: PROJECT_ROOT / "var" / "store.duckdb")
    data_dir: Path = field(default_factory=lambda: PROJECT_ROOT / "data")
    sql_dir: Path = field(default_factory=lambda: PROJECT_ROOT / "sql")
    raw_dir: Path = field(default_factory=lambda: PROJECT_ROOT / "var" / "raw")
    imports_dir: Path = field(default_factory=lambda: PROJECT_ROOT / "var" / "imports")
    demo_db_path: Path = field(
        default_factory=lambda: PROJECT_ROOT / "var" / "demo" / "store.duckdb"
    )
    suppression_threshold: int = 10
    keep_releases: int = 12
    first_year: int = 2015  # of generated sample data (demo builds only)
    last_year: int = 2024
    demo: bool = False  # a demo build adds generated sample data where no real source has any

    @classmethod
    def from_env(cls, **overrides: object) -> PipelineSettings:
        """Defaults, overridden by SK_* variables, overridden by explicit arguments."""
        defaults = cls()
        settings = replace(
            defaults,
            db_path=_env_path("SK_DB_PATH", defaults.db_path),
            data_dir=_env_path("SK_DATA_DIR", defaults.data_dir),
            raw_dir=_env_path("SK_RAW_DIR", defaults.raw_dir),
            imports_dir=_env_path("SK_IMPORTS_DIR", defaults.imports_dir),
            suppression_threshold=int(
                os.environ.get("SK_SUPPRESSION_THRESHOLD", defaults.suppression_threshold)
            ),
            keep_releases=int(os.environ.get("SK_KEEP_RELEASES", defaults.keep_releases)),
        )
        given = {key: value for key, value in overrides.items() if value is not None}
        return replace(settings, **given)  # type: ignore[arg-type]
