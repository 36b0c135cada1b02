"""Reference lists shipped in data/reference: municipalities, provinces, indicator categories."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data_pipeline.errors import InputError, Problem


def read_reference_csv(path: Path, required: list[str]) -> pd.DataFrame:
    """Read a reference CSV as strings, naming the file and column when one is missing."""
    if not path.exists():
        raise InputError([Problem(path.name, None, None, "file not found")])
    frame = pd.read_csv(path, dtype="string", keep_default_na=False)
    missing = [column for column in required if column not in frame.columns]
    if missing:
        raise InputError([Problem(path.name, 1, column, "missing column") for column in missing])
    return frame


def read_municipalities(data_dir: Path) -> pd.DataFrame:
    """Regions the store knows: the Netherlands, provinces and municipalities."""
    frame = read_reference_csv(
        data_dir / "reference" / "municipalities.csv",
        ["municipality_code", "name", "province_code", "region_kind", "approx_inhabitants"],
    )
    frame["approx_inhabitants"] = pd.to_numeric(frame["approx_inhabitants"].replace("", None))
    for column in ("valid_from", "valid_to"):
        frame[column] = pd.to_numeric(frame[column].replace("", None)).astype("Int64")
    return frame


def read_categories(data_dir: Path) -> pd.DataFrame:
    """Indicators, their breakdown categories and Dutch labels."""
    frame = read_reference_csv(
        data_dir / "reference" / "categories.csv",
        ["indicator", "category", "label_nl", "domain", "sort_order", "is_total"],
    )
    frame["sort_order"] = frame["sort_order"].astype("int64")
    for column in ("is_total", "is_breakdown_suppressed"):
        frame[column] = frame[column].str.lower().eq("true")
    return frame


def read_provinces(data_dir: Path) -> pd.DataFrame:
    """The twelve provinces with their StatLine codes."""
    return read_reference_csv(data_dir / "reference" / "provinces.csv", ["province_code", "name"])
