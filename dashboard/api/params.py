"""Query parameters checked against the contract's declarations (contract.py), nothing else.

Stricter than the pages on purpose: a page shows the view it can and names what it ignored; a
program asking for data gets 400 naming the parameter, so a typo never passes as "no rows".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dashboard.api.contract import parameters


@dataclass
class ApiProblem(Exception):
    """An answer other than the data: RFC 9457 problem details, with the parameter named."""

    status: int
    title: str
    detail: str
    parameter: str | None = None

    def document(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": "about:blank",
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }
        if self.parameter:
            body["parameter"] = self.parameter
        return body


def bad(parameter: str, detail: str) -> ApiProblem:
    return ApiProblem(400, "Ongeldige parameter", f"{parameter}: {detail}", parameter)


def _integer(name: str, text: str, schema: Mapping[str, Any]) -> int:
    if not re.fullmatch(r"-?[0-9]{1,9}", text):
        raise bad(name, f"'{text[:40]}' is geen geheel getal.")
    value = int(text)
    if value < schema.get("minimum", value) or value > schema.get("maximum", value):
        low, high = schema.get("minimum", "-"), schema.get("maximum", "-")
        raise bad(name, f"{value} ligt buiten het toegestane bereik ({low} tot en met {high}).")
    return value


def _text(name: str, text: str, schema: Mapping[str, Any]) -> str:
    if len(text) > schema.get("maxLength", 100) or not text.isprintable():
        raise bad(name, "te lang of met onzichtbare tekens.")
    if "enum" in schema and text not in schema["enum"]:
        allowed = ", ".join(schema["enum"])
        raise bad(name, f"'{text}' is geen toegestane waarde ({allowed}).")
    if "pattern" in schema and not re.fullmatch(schema["pattern"], text):
        raise bad(name, f"'{text}' heeft niet de vorm {schema['pattern']}.")
    return text


def _value(name: str, values: Sequence[str], schema: Mapping[str, Any]) -> Any:
    if schema.get("type") == "array":
        parts = [part.strip() for value in values for part in value.split(",") if part.strip()]
        if len(parts) > schema.get("maxItems", 100):
            raise bad(name, f"hoogstens {schema['maxItems']} waarden.")
        return [_text(name, part, schema["items"]) for part in parts]
    if len(values) > 1:
        raise bad(name, "mag maar één keer voorkomen.")
    if schema.get("type") == "integer":
        return _integer(name, values[0], schema)
    return _text(name, values[0], schema)


def parse(endpoint: str, args: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """The endpoint's parameters from a request's query (name -> list of values).

    Unknown parameters, repeats, wrong types and a missing required one: ApiProblem(400).
    """
    declared = {p["name"]: p for p in parameters(endpoint)}
    unknown = sorted(name for name in args if name not in declared)
    if unknown:
        known = ", ".join(declared)
        raise bad(unknown[0][:40], f"deze parameter kent dit adres niet (wel: {known}).")
    parsed: dict[str, Any] = {}
    for name, declaration in declared.items():
        values = list(args.get(name, []))
        if values:
            parsed[name] = _value(name, values, declaration["schema"])
        elif declaration.get("required"):
            raise bad(name, "deze parameter is verplicht.")
    return parsed
