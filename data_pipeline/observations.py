"""The one shape every source delivers: long observations plus the source records behind them.

Every loader (sample generator, documented figures, CBS StatLine, local imports) returns an
`ObservationBatch`; `build.py` stacks the batches into `raw.observations` and `raw.sources`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

OBSERVATION_COLUMNS: dict[str, str] = {
    "indicator": "string",  # e.g. youth_care_clients; see data/reference/indicators.csv
    "municipality_code": "string",  # GM0351, PV26 or NL01
    "year": "int64",
    "category": "string",  # 'total' or a breakdown category of the indicator
    "value": "float64",  # NaN when the source publishes no value (kept: 'not published')
    "source_id": "string",  # key into the source records
    "is_demo": "bool",  # generated sample value, never an official figure
    "is_provisional": "bool",  # the publisher marks the figure as provisional
}

SOURCE_COLUMNS: dict[str, str] = {
    "source_id": "string",
    "kind": "string",  # official | document | import | sample
    "publisher": "string",  # e.g. 'CBS', 'VNG Magazine', 'Coöperatie De Kleine Schans'
    "title": "string",  # table title or document title
    "reference": "string",  # table id, or document + section + line
    "published_on": "string",  # ISO date of publication or last modification, if known
    "retrieved_at": "string",  # ISO timestamp of download or import, if any
    "licence": "string",
    "url": "string",
    "is_demo": "bool",
    # Sources of one series share this key; where it changes between years the series breaks
    # (a new table edition with another definition). Empty: the source is a series of its own.
    "series": "string",
    "note": "string",  # what a reader must know (Dutch), e.g. a break the publisher reports
}
OPTIONAL_SOURCE_COLUMNS = ("series", "note")

GAP_COLUMNS: dict[str, str] = {  # cells a source should have but does not give, and why
    "indicator": "string",
    "municipality_code": "string",
    "year": "int64",
    "source_id": "string",
    "reason": "string",  # truncated (a cut-off public file) | incomplete (a total lacks parts)
    "detail": "string",  # e.g. the parts an incomplete total lacks, in Dutch
}


def empty_frame(columns: dict[str, str]) -> pd.DataFrame:
    """An empty frame with the given columns and dtypes."""
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in columns.items()})


def conform(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Select and cast the contract columns; a missing column is a programming error."""
    frame = frame.assign(
        **{name: "" for name in OPTIONAL_SOURCE_COLUMNS if name in columns and name not in frame}
    )
    missing = set(columns) - set(frame.columns)
    if missing:
        raise KeyError(f"missing contract columns: {sorted(missing)}")
    return frame[list(columns)].astype(columns).reset_index(drop=True)


@dataclass
class ObservationBatch:
    """Observations from one loader, with the source records they reference."""

    observations: pd.DataFrame = field(default_factory=lambda: empty_frame(OBSERVATION_COLUMNS))
    sources: pd.DataFrame = field(default_factory=lambda: empty_frame(SOURCE_COLUMNS))
    gaps: pd.DataFrame = field(default_factory=lambda: empty_frame(GAP_COLUMNS))

    def __post_init__(self) -> None:
        self.observations = conform(self.observations, OBSERVATION_COLUMNS)
        self.sources = conform(self.sources, SOURCE_COLUMNS)
        self.gaps = conform(self.gaps, GAP_COLUMNS)
        unknown = set(self.observations["source_id"]) - set(self.sources["source_id"])
        if unknown:
            raise ValueError(f"observations reference unknown sources: {sorted(unknown)}")

    @staticmethod
    def concat(batches: list[ObservationBatch]) -> ObservationBatch:
        """Stack batches; source records are de-duplicated by source_id."""
        if not batches:
            return ObservationBatch()
        observations = pd.concat([b.observations for b in batches], ignore_index=True)
        sources = pd.concat([b.sources for b in batches], ignore_index=True)
        gaps = pd.concat([b.gaps for b in batches], ignore_index=True)
        return ObservationBatch(observations, sources.drop_duplicates("source_id"), gaps)

    def tables(self) -> dict[str, pd.DataFrame]:
        """The raw tables a loader returns for this batch."""
        return {
            "observations": self.observations,
            "sources": self.sources,
            "coverage_gaps": self.gaps,
        }
