"""Logos and portraits for the demo's organisations and authors, drawn with Pillow from their
names (CC0, like the scenes): a monogram on a badge, an illustrated bust. They replace the
abstract shapes the demo used to show, which did not read as a logo or as a person."""

import random
import zlib

from PIL import Image, ImageDraw, ImageFont

from .kit import HAIR, SKINS, mix

SIZE = 400
SUPERSAMPLE = 2
# Small words a monogram skips ("Les Halles Civiques" gives "HC", "Maison de la Conversation"
# gives "MC").
SKIPPED = {"le", "la", "les", "l", "de", "du", "des", "d", "et", "the", "of", "and", "a", "un"}


def _rng(kind, name):
    # Not for security: the same name must redraw the same picture.
    return random.Random(zlib.crc32(f"{kind}:{name}".encode()))  # noqa: S311


def initials(name, most=2):
    """The monogram of `name`: the first letters of its first words that are not small ones."""
    words = [w for w in name.replace("’", " ").replace("'", " ").replace("-", " ").split()]
    kept = [w for w in words if w.lower() not in SKIPPED and w[0].isalnum()] or words
    return "".join(word[0] for word in kept[:most]).upper()


def _luminance(colour):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _ink(background):
    """White or near-black, whichever reads better on `background`."""
    light = 1.05 / (_luminance(background) + 0.05)
    dark = (_luminance(background) + 0.05) / (_luminance("#172033") + 0.05)
    return "#ffffff" if light >= dark else "#172033"


def logo(name, colours):
    """A square logo for the organisation `name`: a badge in its colours, an emblem, its
    monogram (400x400)."""
    rng = _rng("logo", name)
    scale = SIZE * SUPERSAMPLE
    picture = Image.new("RGB", (scale, scale), "#ffffff")
    draw = ImageDraw.Draw(picture)
    badge, accent = colours[0], colours[1 % len(colours)]
    margin = scale * 0.06
    shape = rng.choice(["circle", "square", "arch"])
    box = [margin, margin, scale - margin, scale - margin]
    if shape == "circle":
        draw.ellipse(box, fill=badge)
    elif shape == "square":
        draw.rounded_rectangle(box, radius=scale * 0.16, fill=badge)
    else:  # a hall's arch: a half circle on a block
        draw.rectangle([margin, scale * 0.45, scale - margin, scale - margin], fill=badge)
        draw.pieslice([margin, margin, scale - margin, scale * 0.9], 180, 360, fill=badge)
    # An emblem in the accent colour: a band, a sun or a roof line under the letters.
    emblem = rng.choice(["band", "sun", "roof"])
    if emblem == "band":
        draw.rectangle([scale * 0.2, scale * 0.7, scale * 0.8, scale * 0.76], fill=accent)
    elif emblem == "sun":
        draw.ellipse([scale * 0.62, scale * 0.18, scale * 0.76, scale * 0.32], fill=accent)
    else:
        roof = [(0.22, 0.34), (0.5, 0.2), (0.78, 0.34)]
        draw.line(
            [(x * scale, y * scale) for x, y in roof],
            fill=accent,
            width=int(scale * 0.035),
            joint="curve",
        )
    letters = initials(name)
    font = ImageFont.load_default(size=int(scale * (0.36 if len(letters) < 2 else 0.3)))
    draw.text(
        (scale / 2, scale * 0.52), letters, fill=_ink(badge), font=font, anchor="mm", align="center"
    )
    return picture.resize((SIZE, SIZE), Image.LANCZOS)


def portrait(name, colours):
    """An illustrated bust of the person `name`, on a background of `colours` (400x400)."""
    rng = _rng("portrait", name)
    scale = SIZE * SUPERSAMPLE
    background = mix(colours[-1 if len(colours) > 1 else 0], "#ffffff", 0.78)
    picture = Image.new("RGB", (scale, scale), background)
    draw = ImageDraw.Draw(picture)
    skin, hair, clothes = rng.choice(SKINS), rng.choice(HAIR), colours[0]
    cx = scale / 2

    def box(x0, y0, x1, y1):
        return [x0 * scale, y0 * scale, x1 * scale, y1 * scale]

    style = rng.choice(["short", "long", "bun", "curly"])
    if style == "long":  # hair falling behind the shoulders
        draw.rounded_rectangle(box(0.3, 0.22, 0.7, 0.72), radius=scale * 0.15, fill=hair)
    draw.ellipse(box(0.14, 0.7, 0.86, 1.35), fill=clothes)  # shoulders
    draw.polygon(
        [(cx - scale * 0.09, scale * 0.7), (cx + scale * 0.09, scale * 0.7), (cx, scale * 0.82)],
        fill=mix(clothes, "#ffffff", 0.35),
    )  # the collar's opening
    draw.rectangle(box(0.44, 0.52, 0.56, 0.72), fill=mix(skin, "#000000", 0.12))  # neck
    if style != "curly":  # hair framing the face, behind it
        draw.ellipse(box(0.3, 0.17, 0.7, 0.56), fill=hair)
    draw.ellipse(box(0.33, 0.22, 0.67, 0.62), fill=skin)  # face
    if style == "curly":
        for x, y in [(0.36, 0.27), (0.44, 0.21), (0.53, 0.2), (0.62, 0.26), (0.66, 0.35)]:
            draw.ellipse(box(x - 0.08, y - 0.07, x + 0.08, y + 0.07), fill=hair)
        draw.ellipse(box(0.28, 0.3, 0.4, 0.42), fill=hair)
    else:
        draw.chord(box(0.33, 0.2, 0.67, 0.44), 180, 360, fill=hair)  # the fringe
        if style == "bun":
            draw.ellipse(box(0.44, 0.1, 0.56, 0.22), fill=hair)
    eye = mix(skin, "#000000", 0.7)
    for x in (0.44, 0.56):
        draw.ellipse(box(x - 0.015, 0.42, x + 0.015, 0.45), fill=eye)
    draw.arc(box(0.45, 0.47, 0.55, 0.54), 20, 160, fill=eye, width=int(scale * 0.008))
    return picture.resize((SIZE, SIZE), Image.LANCZOS)
