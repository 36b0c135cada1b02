"""The release a page reads: the one its link pins (`?versie=`), else the current one.

Every page resolves its release once, at the start of its render, and passes it to every query,
so one page never mixes two published versions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard.serving import runtime
from dashboard.serving.url_state import UrlProblem
from dashboard.settings import Settings
from dashboard.store import queries
from dashboard.store.db import Release, ReleaseGone, ReleaseIncompatible, Store

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


def _open_current(store: Store) -> Release:
    """The request's current release; if a rollback deleted it meanwhile, the one now current."""
    try:
        return store.release(runtime.current_release_id())
    except ReleaseGone:
        return store.release(runtime.reread_current_release_id())


def open_page(requested: str | None) -> PageContext:
    """Resolve the release a link asks for; a missing release is named and the current shown.

    A pinned link to a good kept release opens even when the current release cannot be read.
    """
    app = runtime.current()
    release: Release | None = None
    why_not = ""
    if requested:
        try:
            release = app.store.release(requested)
        except ReleaseGone:
            why_not = "deze publicatie bestaat niet (meer)"
        except ReleaseIncompatible:
            why_not = "deze publicatie is gemaakt met een oudere versie van Sociaal Kompas"
    if release is None:
        release = _open_current(app.store)
    problems = (
        [
            UrlProblem(
                RELEASE_PARAMETER,
                str(requested),
                f"{why_not}; we tonen de cijfers van de nieuwste publicatie "
                f"({release.release_id}).",
            )
        ]
        if why_not
        else []
    )
    return PageContext(
        settings=app.settings,
        release=release,
        current_id=runtime.current_release_id(),
        info=queries.store_info(release),
        pinned=bool(requested) and not why_not,
        problems=problems,
    )
