"""Reading a registration file as people make them, without ever answering with a traceback.

CSV with ';' or ',' (or tabs), decimal comma or point, UTF-8 (with or without BOM), UTF-16 (as
Excel's "Unicode text" saves it) or Windows-1252, or .xlsx. The file is streamed row by row and
refused up front when it is larger than MAX_FILE_BYTES; every problem names file, row and field.
"""

from __future__ import annotations

import codecs
import csv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from data_pipeline.errors import InputError, Problem

MAX_FILE_BYTES = 20 * 1024 * 1024  # a year of registrations is a few kB; 20 MB is generous
MAX_CELL_CHARS = 1_000  # no field of a template needs more
csv.field_size_limit(MAX_CELL_CHARS * 4)  # longer cells fail in csv, and are reported below


@dataclass(frozen=True)
class Row:
    """One data row with its 1-based row number in the file (the header is row 1)."""

    number: int
    values: dict[str, str]


def _fail(path: Path, message: str, row: int | None = None) -> InputError:
    return InputError([Problem(path.name, row, None, message)])


def _encoding(path: Path) -> str:
    """UTF-16 by its BOM, else UTF-8 if every byte decodes, else Windows-1252 (Dutch Excel)."""
    head = path.read_bytes()[:4] if path.stat().st_size else b""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    offset = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 16):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                return _cp1252_or_fail(path, offset + error.start)
            offset += len(chunk)
    return "utf-8-sig"


def _cp1252_or_fail(path: Path, position: int) -> str:
    """Windows-1252 when it decodes the whole file; else name where the file goes wrong."""
    data = path.read_bytes()
    try:
        data.decode("cp1252")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise _fail(
            path,
            f"teken {data[error.start]:#04x} op regel {line}, kolom {column} is geen UTF-8 en "
            "geen Windows-1252; sla het bestand op als CSV UTF-8",
            line,
        ) from None
    return "cp1252"


def _delimiter(header_line: str) -> str:
    counts = {sep: header_line.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] and counts[best] > counts.get(";", 0) else ";"


def _csv_rows(path: Path) -> Iterator[list[str]]:
    encoding = _encoding(path)
    with path.open(encoding=encoding, newline="") as handle:
        first = handle.readline()
        handle.seek(0)
        reader = csv.reader(handle, delimiter=_delimiter(first))
        try:
            yield from reader
        except csv.Error as error:
            raise _fail(path, f"de CSV is niet te lezen ({error})", reader.line_num) from None


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise _fail(
            path, "dit is geen geldig Excel-bestand (.xlsx); sla het opnieuw op of lever CSV"
        ) from None
    try:
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            yield ["" if cell is None else _excel_text(cell) for cell in row]
    finally:
        workbook.close()


def _excel_text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def read_rows(path: Path) -> tuple[list[str], Iterator[Row]]:
    """The header (lower-case, trimmed) and a stream of the non-blank data rows."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _fail(
            path,
            f"het bestand is {size / 1e6:.0f} MB; het maximum is {MAX_FILE_BYTES / 1e6:.0f} MB",
        )
    raw = _xlsx_rows(path) if path.suffix.lower() in (".xlsx", ".xlsm") else _csv_rows(path)
    header_row = next(raw, [])
    header = [str(name).strip().lower() for name in header_row]
    return header, _rows(path, header, raw)


def _rows(path: Path, header: list[str], raw: Iterator[list[str]]) -> Iterator[Row]:
    for number, values in enumerate(raw, start=2):
        cells = [str(value).strip() for value in values]
        if not any(cells):
            continue
        for column, cell in zip(header, cells, strict=False):
            if len(cell) > MAX_CELL_CHARS:
                raise InputError(
                    [
                        Problem(
                            path.name,
                            number,
                            column,
                            f"de cel is langer dan {MAX_CELL_CHARS} tekens",
                        )
                    ]
                )
        yield Row(number, dict(zip(header, cells, strict=False)))
