"""Reading the CBS StatLine CSV dumps in ../shared/data/real (see each folder's PROVENANCE.md).

The dumps are `;`-separated, UTF-8 with BOM, with dimension *titles* instead of keys and string
codes right-padded with spaces. A file with 10,000 data rows was cut off there by the script
that made it: `is_truncated` says so, and a region or year missing from such a file is missing,
never zero.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

DUMP_ROW_LIMIT = 10_000
YEAR = re.compile(r"^(\d{4})$")


def read_dump(path: Path) -> pd.DataFrame:
    """A dump as strings, every value stripped; empty cells are NA."""
    frame = pd.read_csv(path, sep=";", dtype="string", encoding="utf-8-sig", keep_default_na=False)
    frame = frame.apply(lambda column: column.str.strip())
    return frame.replace("", pd.NA)


def is_truncated(frame: pd.DataFrame) -> bool:
    """The dump script stopped at the API's 10,000-row limit."""
    return len(frame) >= DUMP_ROW_LIMIT


def column(frame: pd.DataFrame, prefix: str) -> str:
    """The one column whose name starts with `prefix` (CBS numbers keys: `Huisarts_19`)."""
    found = [name for name in frame.columns if name.split("_")[0] == prefix]
    if len(found) != 1:
        raise KeyError(f"expected one column {prefix}_*, found {found or 'none'}")
    return found[0]


def year_of(period_title: object) -> int | None:
    """'2021' -> 2021; half-years and quarters ('1e halfjaar 2021') -> None."""
    match = YEAR.match(str(period_title or ""))
    return int(match.group(1)) if match else None


def number(values: pd.Series) -> pd.Series:
    """Dump cells as floats; an empty cell (not published) stays NaN."""
    return pd.to_numeric(values, errors="raise").astype("float64")
