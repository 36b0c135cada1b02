"""Errors the pipeline reports to a data steward: located precisely, in Dutch, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One located problem in an input file."""

    file: str
    row: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"regel {self.row}")
        if self.field:
            where.append(f"veld '{self.field}'")
        return f"{', '.join(where)}: {self.message}"


class InputError(ValueError):
    """Bad input; carries every problem found so the steward can fix them all at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = [str(problem) for problem in problems]
        super().__init__("\n".join(lines))

    @classmethod
    def single(
        cls, file: Path | str, row: int | None, field: str | None, message: str
    ) -> InputError:
        """One problem in one place."""
        return cls([Problem(Path(file).name, row, field, message)])


class SourceError(RuntimeError):
    """A remote source failed (network, HTTP status, changed structure): names the table."""


class CheckFailed(RuntimeError):
    """A data test on the freshly built store failed; the live store is left as it was."""

    def __init__(self, failures: list[str]) -> None:
        self.failures = failures
        super().__init__("data checks failed:\n" + "\n".join(f"- {f}" for f in failures))


class ModelFailed(RuntimeError):
    """A SQL model could not be built (names the model); nothing is published."""
