"""The picture a shared link shows in a chat (og:image): the view's headline number as a PNG.

Drawn here with Pillow (no image service, works on a closed network), from the same preview
text the link's title and description come from, and kept per release: a pinned link's picture
never changes. The text drawn is also stored in the PNG's Description, so a test (or a screen
reader of the file) can read what the picture says.
"""

from __future__ import annotations

import io
import textwrap
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

from dashboard.text.labels import APP_NAME

SIZE = (1200, 630)  # what chat apps and social sites crop to
BLUE, INK, MUTED = (10, 58, 130), (33, 37, 41), (73, 80, 87)
ROUTE = "/voorbeeld.png"


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)  # Pillow's own scalable font: no system fonts


def _lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=False)[:4]


@lru_cache(maxsize=256)
def preview_png(title: str, headline: str, detail: str, release: str) -> bytes:
    """A 1200x630 PNG: the site, the view's title, its headline sentence, status and release."""
    image = Image.new("RGB", SIZE, "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, SIZE[0], 90), fill=BLUE)
    draw.text((50, 22), APP_NAME, font=_font(42), fill="white")
    draw.text((50, 120), title, font=_font(52), fill=INK)
    y = 210
    for line in _lines(headline, 38):
        draw.text((50, y), line, font=_font(46), fill=BLUE)
        y += 60
    for line in _lines(detail, 60):
        draw.text((50, y + 15), line, font=_font(30), fill=MUTED)
        y += 40
    draw.text((50, SIZE[1] - 60), f"Publicatie {release}", font=_font(28), fill=MUTED)
    info = PngInfo()
    info.add_text("Title", title)
    info.add_text("Description", f"{headline} {detail} Publicatie {release}.")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", pnginfo=info, optimize=True)
    return buffer.getvalue()
