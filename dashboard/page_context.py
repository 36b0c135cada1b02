"""The release a page reads: the one its link pins (`?versie=`), else the current one.

Every page resolves its release once, at the start of its render, and passes it to every query,
so one page never mixes two published versions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard import queries, runtime
from dashboard.db import Release, ReleaseGone
from dashboard.settings import Settings
from dashboard.url_state import UrlProblem

RELEASE_PARAMETER = "versie"


@dataclass
class PageContext:
    """What every page needs before it reads data: settings, the release and its facts."""

    settings: Settings
    release: Release
    current_id: str
    info: dict[str, object]
    pinned: bool  # the link names a release
    problems: list[UrlProblem] = field(default_factory=list)

    @property
    def release_id(self) -> str:
        """The id of the release this page shows."""
        return self.release.release_id

    @property
    def is_old_release(self) -> bool:
        """The page shows a release that is no longer the current one."""
        return self.release_id != self.current_id


def open_page(requested: str | None) -> PageContext:
    """Resolve the release a link asks for; a missing release is named and the current shown."""
    app = runtime.current()
    current = app.store.current()
    release, problems = current, []
    if requested:
        try:
            release = app.store.release(requested)
        except ReleaseGone:
            problems.append(
                UrlProblem(
                    RELEASE_PARAMETER,
                    requested,
                    "deze publicatie bestaat niet (meer); we tonen de cijfers van de nieuwste "
                    f"publicatie ({current.release_id}).",
                )
            )
    return PageContext(
        settings=app.settings,
        release=release,
        current_id=current.release_id,
        info=queries.store_info(release),
        pinned=bool(requested) and not problems,
        problems=problems,
    )
