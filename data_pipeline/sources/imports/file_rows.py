"""Reading a registration file as people make them, without ever answering with a traceback.

CSV with ';' or ',' (or tabs), decimal comma or point, UTF-8 (with or without BOM), UTF-16 (as
Excel's "Unicode text" saves it) or Windows-1252, or .xlsx - told apart by the file's content,
not its name (a kept copy is renamed). The file is streamed row by row and refused up front
when it is larger than MAX_FILE_BYTES, or, for a workbook, when it unpacks to more than
MAX_UNPACKED_BYTES; more than MAX_ROWS data rows are refused too. A cell Excel stores as a
number stays a number (it is never re-read with Dutch text rules). Every problem names file,
row and field.
"""

from __future__ import annotations

import codecs
import csv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from data_pipeline.errors import InputError, Problem

MAX_FILE_BYTES = 20_000_000  # a year of registrations is a few kB; 20 MB is generous
MAX_UNPACKED_BYTES = 50_000_000  # what a workbook may unpack to (a zip bomb unpacks to GBs)
MAX_ROWS = 100_000  # every municipality, year and category many times over
MAX_CELL_CHARS = 1_000  # no field of a template needs more
ZIP_MAGIC = b"PK\x03\x04"  # every .xlsx is a zip archive
csv.field_size_limit(MAX_CELL_CHARS * 4)  # longer cells fail in csv, and are reported below


@dataclass(frozen=True)
class Row:
    """One data row with its 1-based row number in the file (the header is row 1); `numbers`
    holds the cells a workbook stores as numbers, as numbers."""

    number: int
    values: dict[str, str]
    numbers: dict[str, float] = field(default_factory=dict)


def display_name(path: Path) -> str:
    """The name a steward knows: a kept or pending copy without its bookkeeping suffix."""
    return path.name.removesuffix(".pending")


def _fail(path: Path, message: str, row: int | None = None) -> InputError:
    return InputError([Problem(display_name(path), row, None, message)])


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
        except UnicodeError:  # e.g. UTF-16 with a broken surrogate pair
            raise _fail(
                path,
                f"regel {reader.line_num + 1} bevat tekens die niet in {encoding} te lezen zijn; "
                "sla het bestand op als CSV UTF-8",
                reader.line_num + 1,
            ) from None


NOT_XLSX = "dit is geen geldig Excel-bestand (.xlsx); sla het opnieuw op of lever CSV"


def _check_unpacked_size(path: Path) -> None:
    """Refuse a workbook that unpacks to more than MAX_UNPACKED_BYTES (before reading it)."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(entry.file_size for entry in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise _fail(path, NOT_XLSX) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise _fail(
            path,
            f"het Excel-bestand pakt uit tot {unpacked / 1e6:.0f} MB; het maximum is "
            f"{MAX_UNPACKED_BYTES / 1e6:.0f} MB",
        )


def _xlsx_rows(path: Path) -> Iterator[list[str | float]]:
    _check_unpacked_size(path)
    handle = path.open("rb")  # a file object: openpyxl would refuse a name not ending in .xlsx
    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        handle.close()
        raise _fail(path, NOT_XLSX) from None
    read = 0
    try:
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            read += 1
            yield [_excel_cell(cell) for cell in row]
    except InputError:
        raise
    except Exception as error:  # damaged XML inside the archive: any parser error, named
        damaged = f"het Excel-bestand is beschadigd ({type(error).__name__})"
        raise _fail(path, damaged, read + 1) from None
    finally:
        workbook.close()
        handle.close()


def _excel_cell(cell: object) -> str | float:
    """A cell as the workbook stores it: numbers stay numbers, the rest becomes text."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return str(cell)
    if isinstance(cell, int | float):
        return float(cell)
    return str(cell)


def read_rows(path: Path) -> tuple[list[str], Iterator[Row]]:
    """The header (lower-case, trimmed) and a stream of the non-blank data rows."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _fail(
            path,
            f"het bestand is {size / 1e6:.0f} MB; het maximum is {MAX_FILE_BYTES / 1e6:.0f} MB",
        )
    with path.open("rb") as handle:
        is_workbook = handle.read(4) == ZIP_MAGIC
    raw: Iterator[list] = _xlsx_rows(path) if is_workbook else _csv_rows(path)
    header_row = next(raw, [])
    header = [str(name).strip().lower() for name in header_row]
    return header, _rows(path, header, raw)


def _rows(path: Path, header: list[str], raw: Iterator[list]) -> Iterator[Row]:
    for number, values in enumerate(raw, start=2):
        if number > MAX_ROWS + 1:
            raise _fail(path, f"het bestand heeft meer dan {MAX_ROWS:,} regels".replace(",", "."))
        numbers = {
            column: value
            for column, value in zip(header, values, strict=False)
            if isinstance(value, float)
        }
        cells = [_as_text(value) for value in values]
        if not any(cells):
            continue
        for column, cell in zip(header, cells, strict=False):
            if len(cell) > MAX_CELL_CHARS:
                raise InputError(
                    [
                        Problem(
                            display_name(path),
                            number,
                            column,
                            f"de cel is langer dan {MAX_CELL_CHARS} tekens",
                        )
                    ]
                )
        yield Row(number, dict(zip(header, cells, strict=False)), numbers)


def _as_text(value: object) -> str:
    """The text of a cell; a whole number without '.0' (a year, a code)."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value).strip()
