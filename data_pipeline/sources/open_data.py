"""Loader: the real open-data extracts shipped in data/extracts (see data/extracts/PROVENANCE.md).

CBS and RIVM publish under CC BY 4.0; these extracts hold only the rows and columns the store
uses, and `python -m data_pipeline extracts` rebuilds them from the public files. They are
official figures: where they exist they replace generated values for the whole breakdown; a
later `fetch` of the same table replaces them in turn (the newest retrieval wins).

Every observation file has `region_code, year, table_id` and then one column per `indicator`
(its total) or `indicator:category`; `tables.csv` describes each table, `extract_gaps.csv`
lists the municipalities a truncated public file does not reach (missing, never zero).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data_pipeline.observations import OBSERVATION_COLUMNS, ObservationBatch, conform
from data_pipeline.settings import PipelineSettings

OBSERVATION_FILES = (
    "cbs_youth_care.csv",
    "cbs_youth_care_costs.csv",
    "cbs_referrers.csv",
    "rivm_volunteering.csv",
)
KEYS = ["region_code", "year", "table_id"]


def source_id(table_id: str) -> str:
    """The source record of one shipped table."""
    return f"extract:{table_id}"


def table_sources(folder: Path) -> pd.DataFrame:
    """A source record per table in tables.csv (publisher, title, series, retrieval date)."""
    tables = pd.read_csv(folder / "tables.csv", dtype="string", keep_default_na=False)
    return tables.assign(
        source_id=tables["table_id"].map(source_id),
        kind="official",
        reference=tables["table_id"],
        published_on="",
        licence="CC BY 4.0",
        is_demo=False,
    )


def melt(frame: pd.DataFrame) -> pd.DataFrame:
    """Wide extract rows -> observations: a column `indicator[:category]` per series."""
    long = frame.melt(id_vars=KEYS, var_name="series", value_name="value")
    parts = long["series"].str.split(":", n=1, expand=True).reindex(columns=[0, 1])
    return long.assign(
        indicator=parts[0],
        category=parts[1].astype("string").fillna("total"),
        municipality_code=long["region_code"],
        source_id=long["table_id"].map(source_id),
        is_demo=False,
        is_provisional=False,
    )


def _read(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype={"region_code": "string", "table_id": "string"})
    return frame.astype({column: "float64" for column in frame.columns if column not in KEYS})


def population(folder: Path) -> pd.DataFrame:
    """Inhabitants on 1 January of every municipality (CBS Gebieden in Nederland)."""
    frame = pd.read_csv(folder / "cbs_municipalities.csv", dtype={"table_id": "string"})
    frame = frame.rename(columns={"municipality_code": "region_code", "population": "population"})
    return frame[[*KEYS, "population"]].astype({"population": "float64"})


def extract_gaps(folder: Path) -> pd.DataFrame:
    """Cells a truncated public file does not reach, with the table that has them."""
    frame = pd.read_csv(folder / "extract_gaps.csv", dtype="string")
    return frame.rename(columns={"region_code": "municipality_code"}).assign(
        source_id=frame["table_id"].map(source_id), detail=""
    )


def shipped(folder: Path) -> ObservationBatch:
    """Every observation of the shipped extracts, with one source record per table."""
    frames = [_read(folder / name) for name in OBSERVATION_FILES] + [population(folder)]
    observations = pd.concat([melt(frame) for frame in frames], ignore_index=True)
    return ObservationBatch(
        conform(observations, OBSERVATION_COLUMNS),
        table_sources(folder),
        extract_gaps(folder).astype({"year": "int64"}),
    )


def load_open_data(
    settings: PipelineSettings, _municipalities: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """Loader: every shipped extract (none when the folder is absent, e.g. in a test data dir)."""
    folder = settings.data_dir / "extracts"
    if not (folder / "tables.csv").exists():
        return {}
    return shipped(folder).tables()
