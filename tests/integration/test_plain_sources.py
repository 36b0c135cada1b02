"""Sources in plain words on every page: one short 'Bron' line per chart, documents by title and
section; no file names, hashes, line numbers or internal document numbers ('004:2411') on a
page. The exact citations stay in the case downloads and the workbook's 'Bronnen' sheet."""

from __future__ import annotations

import re

import pytest

from dashboard.text.source_lines import plain_reference, short_source_line
from tests.conftest import PAGE_PATHS

NOT_FOR_READERS = {
    "file name": re.compile(r"\b[\w-]+\.(txt|py|toml|json)\b"),
    "hash": re.compile(r"\b[0-9a-f]{12,}\b"),
    "internal reference": re.compile(r"\b\d{3}:\s*\d"),
    "line numbers": re.compile(r"\bregels? \d"),
}
CASES = ["de-kleine-schans", "boot-amsterdam", "re-u", "wattwest"]


@pytest.mark.parametrize(
    "path",
    sorted({*PAGE_PATHS, *(f"/casussen/{case}" for case in CASES), "/embed/jeugdhulp/trend"}),
)
def test_no_page_names_a_file_hash_or_line(render_over_http, path):
    status, text = render_over_http(path)
    assert status == 200
    text = re.sub(r"(https?://|/)\S*", "", text)  # addresses (a map's versioned outline file)
    found = {name: pattern.findall(text)[:3] for name, pattern in NOT_FOR_READERS.items()}
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_a_reference_keeps_what_a_reader_can_follow():
    reference = "004_a1b50a1c4d666965.txt, Hoofdstuk 4 (tekst en Tabel 3), regels 120-130"
    assert plain_reference(reference) == "Hoofdstuk 4 (tekst en Tabel 3)"
    assert plain_reference("85099NED") == "85099NED"


def test_a_chart_gets_one_short_source_line():
    import pandas as pd

    sources = pd.DataFrame(
        [
            *[
                {
                    "publisher": "CBS",
                    "title": f"Gebieden in Nederland {year}",
                    "reference": f"8{year}NED"[:8],
                    "date": "opgehaald 2025-04-23",
                    "is_demo": False,
                }
                for year in range(2015, 2026)
            ],
            {
                "publisher": "VNG Magazine",
                "title": "VNG Magazine nr. 15 (artikel)",
                "reference": "002_31a55235a4d08c17.txt, regel 30",
                "date": "2023-10-13",
                "is_demo": False,
            },
        ]
    )
    line = short_source_line(sources)
    assert line == "CBS (11 tabellen; 2025) · VNG Magazine (VNG Magazine nr. 15; 2023)"
