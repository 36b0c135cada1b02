"""Loader: the real open-data extracts shipped in data/extracts (see data/extracts/PROVENANCE.md).

CBS and RIVM publish under CC BY 4.0; these extracts hold only the rows and columns the store
uses, and `python -m data_pipeline extracts` rebuilds them from the public files. They are
official figures: where they exist they replace generated values for the whole breakdown; a
later `fetch` of the same table replaces them in turn (the newest retrieval wins).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data_pipeline.observations import ObservationBatch
from data_pipeline.settings import PipelineSettings

RIVM = {
    "source_id": "extract:50090NED",
    "kind": "official",
    "publisher": "RIVM/CBS",
    "title": "Gezondheid per wijk en buurt; 2012/2016/2020 (indeling 2020), 18 jaar en ouder",
    "reference": "50090NED",
    "published_on": "",
    "retrieved_at": "2022-06-17",  # when the copied public files were downloaded
    "licence": "CC BY 4.0",
    "url": "https://dataderden.cbs.nl/ODataApi/odata/50090NED",
    "is_demo": False,
}


def kwb_source(table_id: str, year: int) -> dict:
    """The source record of one edition of CBS's neighbourhood key figures."""
    return {
        "source_id": f"extract:{table_id}",
        "kind": "official",
        "publisher": "CBS",
        "title": f"Kerncijfers wijken en buurten {year}",
        "reference": f"{table_id}, gemeente Woudenberg",
        "published_on": "",
        "retrieved_at": "2026-09-01",  # when the public dashboard read the tables
        "licence": "CC BY 4.0",
        "url": f"https://opendata.cbs.nl/ODataApi/odata/{table_id}",
        "is_demo": False,
    }


def volunteering(folder: Path) -> ObservationBatch:
    """RIVM health monitor: share of adults doing volunteer work, per municipality and NL01."""
    rows = pd.read_csv(folder / "rivm_volunteering_18plus.csv", dtype={"municipality_code": str})
    observations = rows.assign(
        indicator="adults_volunteering_pct",
        category="total",
        source_id=RIVM["source_id"],
        is_demo=False,
        is_provisional=False,
    )
    return ObservationBatch(observations, pd.DataFrame([RIVM]))


def woudenberg(folder: Path) -> ObservationBatch:
    """CBS neighbourhood key figures for Woudenberg: population and youth-care share."""
    rows = pd.read_csv(folder / "kwb_woudenberg.csv", dtype={"table_id": str})
    editions = rows.drop_duplicates("table_id")
    sources = pd.DataFrame(
        [kwb_source(row.table_id, int(row.year)) for row in editions.itertuples(index=False)]
    )
    observations = rows.assign(
        category="total",
        source_id="extract:" + rows["table_id"],
        is_demo=False,
        is_provisional=False,
    )
    return ObservationBatch(observations, sources)


def load_open_data(
    settings: PipelineSettings, _municipalities: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """Loader: every shipped extract (none when the folder is absent, e.g. in a test data dir)."""
    folder = settings.data_dir / "extracts"
    if not (folder / "rivm_volunteering_18plus.csv").exists():
        return {}
    batch = ObservationBatch.concat([volunteering(folder), woudenberg(folder)])
    return {"observations": batch.observations, "sources": batch.sources}
