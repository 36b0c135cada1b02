"""Citations of case statements: '004:2411-2413; 004:2451' as words a reader can follow."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from dashboard.text.labels import format_date


def spans(ref: object) -> list[tuple[str, int, int]]:
    """'004:2411-2413; 004:2451' -> [('004', 2411, 2413), ('004', 2451, 2451)] (bad parts out)."""
    found = []
    for part in str(ref or "").split(";"):
        document, _, lines = part.strip().partition(":")
        first, _, last = lines.partition("-")
        if document.isdigit() and first.isdigit() and (not last or last.isdigit()):
            found.append((document, int(first), int(last or first)))
    return found


def short_title(title: str) -> str:
    """A document's title up to its subtitle: 'Loshouden en meemaken'."""
    return title.split(":")[0].split(" (")[0].strip()


def document_names(documents: pd.DataFrame) -> dict[str, str]:
    """Number -> 'Loshouden en meemaken (Platform31 / Tilburg University, 2014)'."""
    return {
        row.document: f"{short_title(row.title)} ({row.publisher}, {_date(row.published_on)})"
        for row in documents.itertuples(index=False)
    }


def _date(value: object) -> str:
    text = format_date(value)
    return "ongedateerd" if text == "datum onbekend" else text


def citation_text(ref: object, names: Mapping[str, str]) -> str:
    """'Loshouden en meemaken (…), regels 2411–2413 en 2451' — one document after another."""
    by_document: dict[str, list[str]] = {}
    for document, first, last in spans(ref):
        lines = f"{first}–{last}" if last != first else str(first)
        by_document.setdefault(document, []).append(lines)
    parts = [
        f"{names.get(document, 'document ' + document)}, regel(s) {' en '.join(lines)}"
        for document, lines in by_document.items()
    ]
    return "; ".join(parts)


LINE_REFERENCE = r"\b(?:op |na |in )?regels? \d+(?:[-–]\d+)?"


def line_references(text: str) -> int:
    """How many line numbers a note cites ('regel 7947', '001:114')."""
    return len(re.findall(LINE_REFERENCE + r"|\b\d{3}:\d+", text))


def readable_note(text: str, names: Mapping[str, str]) -> str:
    """A note for the page: line references ('(001:114)', '(regel 7947)') left out, and a
    document's number ('volgens 001:201', 'Tabel 14 van 004') replaced by its title; the case
    file and the case download keep the exact ones."""

    def title(number: str) -> str:
        return short_title(names[number]) if number in names else "het brondocument"

    text = re.sub(r"\s*\((?:\d{3}:\d+(?:[-–]\d+)?(?:,\s*)?)+\)", "", text)
    text = re.sub(r"\s*\([^()]*\bregels? \d[^()]*\)", "", text)
    text = re.sub(
        r"\b(\d{3}):\d+(?:[-–]\d+)?(?:,\s*\d{3}:\d+(?:[-–]\d+)?)*",
        lambda m: title(m.group(1)),
        text,
    )
    text = re.sub(LINE_REFERENCE, "elders in de tekst", text)
    text = re.sub(r"\s*\((\d{3})\)", "", text)  # '(002)' after a title already named
    text = re.sub(r"\((\d{3}),\s*", "(", text)
    # a document by its number ('Tabel 14 van 004'); not any three digits ('€ 200.000')
    return re.sub(
        r"\b(van|in|uit|zie|volgens) (\d{3})\b",
        lambda m: f"{m.group(1)} {title(m.group(2))}",
        text,
    )


def citation_documents(ref: object, names: Mapping[str, str]) -> str:
    """The documents a statement rests on, by title ('Loshouden en meemaken (…, 2014)'); the
    lines are in the case download, where a checker needs them."""
    documents = dict.fromkeys(document for document, _, _ in spans(ref))
    return "; ".join(names.get(document, "brondocument") for document in documents)
