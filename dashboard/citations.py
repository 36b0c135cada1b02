"""Citations of case statements: '004:2411-2413; 004:2451' as words a reader can follow."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.labels import format_date


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


def citation_short(ref: object) -> str:
    """'004: r. 2411–2413, 2451' for the small marker beside a statement."""
    by_document: dict[str, list[str]] = {}
    for document, first, last in spans(ref):
        by_document.setdefault(document, []).append(
            f"{first}–{last}" if last != first else str(first)
        )
    return "; ".join(
        f"{document}: r. {', '.join(lines)}" for document, lines in by_document.items()
    )
