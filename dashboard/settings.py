"""App settings from SK_* environment variables: argument > environment > default."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Settings:
    """Everything the app reads from its environment."""

    db_path: Path = field(default_factory=lambda: PROJECT_ROOT / "var" / "store.duckdb")
    host: str = "127.0.0.1"
    port: int = 8050
    default_municipality: str = "GM0351"
    log_level: str = "INFO"
    cache_redis_url: str = ""  # empty: each process keeps its own response cache in memory
    cache_entries: int = 300
    # Who may show /embed/ pages in a frame (CSP frame-ancestors): '*' any site (the content is
    # public), or space-separated origins such as 'https://www.woudenberg.nl'. Other pages: none.
    embed_origins: str = "*"
    # Where visitors report an accessibility problem (an e-mail address or a web address);
    # empty: the statement says none is set.
    contact: str = ""

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, overridden by SK_* variables, overridden by explicit arguments."""
        defaults = cls()
        settings = replace(
            defaults,
            db_path=Path(os.environ.get("SK_DB_PATH") or defaults.db_path),
            host=os.environ.get("SK_HOST", defaults.host),
            port=int(os.environ.get("SK_PORT", defaults.port)),
            default_municipality=os.environ.get(
                "SK_DEFAULT_MUNICIPALITY", defaults.default_municipality
            ),
            log_level=os.environ.get("SK_LOG_LEVEL", defaults.log_level),
            cache_redis_url=os.environ.get("SK_CACHE_REDIS_URL", defaults.cache_redis_url),
            cache_entries=int(os.environ.get("SK_CACHE_ENTRIES", defaults.cache_entries)),
            embed_origins=os.environ.get("SK_EMBED_ORIGINS", defaults.embed_origins),
            contact=os.environ.get("SK_CONTACT", defaults.contact),
        )
        given = {key: value for key, value in overrides.items() if value is not None}
        return replace(settings, **given)  # type: ignore[arg-type]
