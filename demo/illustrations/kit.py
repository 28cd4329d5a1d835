"""Drawing primitives for the demo illustrations: a supersampled canvas in 1600x900 units,
skies, perspective floors and people, so that each scene stays a short list of shapes."""

import math

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 900
# Drawn twice as large then reduced, which smooths the edges Pillow does not antialias.
SUPERSAMPLE = 2

SKINS = ["#f1c9a5", "#e0a883", "#c68863", "#9c6644", "#6f4a32", "#f5d7bd"]
CLOTHES = [
    "#c8553d",
    "#2d6a4f",
    "#f4a259",
    "#3d5a80",
    "#8c5e58",
    "#e9c46a",
    "#5b8e7d",
    "#bc4b51",
    "#283845",
    "#f28482",
    "#6d597a",
    "#e76f51",
]
HAIR = ["#2b2118", "#4a3426", "#7a5230", "#1d1d1d", "#b08968", "#d9d9d9"]


def mix(colour, other, amount):
    """`colour` moved `amount` (0 to 1) of the way towards `other`, both as "#rrggbb"."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


class Canvas:
    """A picture addressed in 1600x900 units whatever its real size."""

    def __init__(self, background, rng):
        self.rng = rng
        self.scale = SUPERSAMPLE
        self.image = Image.new("RGB", (WIDTH * self.scale, HEIGHT * self.scale), background)
        self.draw = ImageDraw.Draw(self.image)

    def _pts(self, points):
        return [(x * self.scale, y * self.scale) for x, y in points]

    def rect(self, x0, y0, x1, y1, fill, radius=0):
        x0, x1 = sorted((x0, x1))
        box = [x0 * self.scale, y0 * self.scale, x1 * self.scale, y1 * self.scale]
        if radius:
            self.draw.rounded_rectangle(box, radius * self.scale, fill=fill)
        else:
            self.draw.rectangle(box, fill=fill)

    def poly(self, points, fill):
        self.draw.polygon(self._pts(points), fill=fill)

    def ellipse(self, x0, y0, x1, y1, fill):
        self.draw.ellipse(
            [x0 * self.scale, y0 * self.scale, x1 * self.scale, y1 * self.scale], fill=fill
        )

    def circle(self, x, y, r, fill):
        self.ellipse(x - r, y - r, x + r, y + r, fill)

    def line(self, points, fill, width=2):
        self.draw.line(self._pts(points), fill=fill, width=max(1, round(width * self.scale)))

    def arc(self, box, start, end, fill, width=2):
        self.draw.arc(
            [v * self.scale for v in box], start, end, fill=fill, width=round(width * self.scale)
        )

    def gradient(self, y0, y1, top, bottom, x0=0, x1=WIDTH):
        """A vertical gradient band, drawn a line at a time (cheap at this size)."""
        steps = max(1, round((y1 - y0) * self.scale))
        for i in range(steps):
            colour = mix(top, bottom, i / steps)
            y = y0 * self.scale + i
            self.draw.line([(x0 * self.scale, y), (x1 * self.scale, y)], fill=colour)

    def finish(self):
        return self.image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)


def catenary(x0, y0, x1, y1, sag, n=24):
    """Points of a hanging cord (string lights, bunting) from (x0, y0) to (x1, y1)."""
    points = []
    for i in range(n + 1):
        t = i / n
        points.append((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t + sag * 4 * t * (1 - t)))
    return points


def person(canvas, x, feet, height, *, seated=False, facing_away=False, clothes=None, towards=1):
    """A simple silhouette with a skin tone, hair and clothes picked by the canvas's seed;
    `feet` is where the feet (or the seat, when `seated`) touch."""
    rng = canvas.rng
    top_colour = clothes or rng.choice(CLOTHES)
    legs_colour = mix(rng.choice(["#283845", "#3d405b", "#5c4033", "#2f3e46"]), "#000000", 0.1)
    skin = rng.choice(SKINS)
    hair = rng.choice(HAIR)
    h = height
    head_r = h * 0.075
    shoulder = h * 0.13
    hip = h * 0.10
    if seated:
        seat = feet
        torso_top = seat - h * 0.36
        canvas.poly(
            [
                (x - shoulder, torso_top + head_r * 0.6),
                (x + shoulder, torso_top + head_r * 0.6),
                (x + hip, seat),
                (x - hip, seat),
            ],
            top_colour,
        )
        # Thighs then shins, towards the table (`towards` is 1 for the right, -1 for the left).
        knee = x + towards * hip * 1.9
        canvas.rect(min(x, knee), seat - h * 0.04, max(x, knee), seat + h * 0.04, legs_colour)
        shin = knee - towards * hip * 0.6
        canvas.rect(min(knee, shin), seat, max(knee, shin), seat + h * 0.22, legs_colour)
        head_y = torso_top - head_r * 0.6
    else:
        waist = feet - h * 0.47
        torso_top = feet - h * 0.80
        canvas.poly(
            [
                (x - hip * 0.9, waist),
                (x + hip * 0.9, waist),
                (x + hip * 0.7, feet),
                (x - hip * 0.7, feet),
            ],
            legs_colour,
        )
        canvas.line(
            [(x, waist + h * 0.05), (x, feet)], mix(legs_colour, "#000000", 0.35), width=h * 0.012
        )
        canvas.poly(
            [
                (x - shoulder, torso_top + head_r * 0.6),
                (x + shoulder, torso_top + head_r * 0.6),
                (x + hip, waist + h * 0.02),
                (x - hip, waist + h * 0.02),
            ],
            top_colour,
        )
        canvas.circle(x - shoulder * 0.75, torso_top + head_r * 0.9, shoulder * 0.32, top_colour)
        canvas.circle(x + shoulder * 0.75, torso_top + head_r * 0.9, shoulder * 0.32, top_colour)
        head_y = torso_top - head_r * 0.6
    canvas.rect(x - head_r * 0.35, head_y, x + head_r * 0.35, torso_top + head_r * 0.7, skin)
    canvas.circle(x, head_y, head_r, hair if facing_away else skin)
    if not facing_away:
        # Hair as a cap on the upper half of the head.
        canvas.draw.chord(
            [
                (x - head_r * 1.05) * canvas.scale,
                (head_y - head_r * 1.1) * canvas.scale,
                (x + head_r * 1.05) * canvas.scale,
                (head_y + head_r * 0.5) * canvas.scale,
            ],
            180,
            360,
            fill=hair,
        )


def vanishing_lines(canvas, vx, vy, back, colour, count=12, width=2):
    """Floor joints from the back edge `back` = (left, right, y) of a floor towards the viewer,
    as if they met at the vanishing point (vx, vy): the strongest depth cue."""
    left, right, y_from = back
    stretch = (HEIGHT - vy) / (y_from - vy)
    for i in range(count + 1):
        x = left + (right - left) * i / count
        canvas.line([(x, y_from), (vx + (x - vx) * stretch, HEIGHT)], colour, width)


def floor_rows(canvas, vy, y_from, colour, count=7, width=2):
    """Horizontal joints that close up towards the horizon."""
    for i in range(1, count + 1):
        t = (i / count) ** 2
        y = y_from + (HEIGHT - y_from) * t
        canvas.line([(0, y), (WIDTH, y)], colour, width)


def plant(canvas, x, base, size, leaf, pot):
    """A potted plant: a pot and a fan of leaves."""
    canvas.poly(
        [
            (x - size * 0.35, base - size * 0.45),
            (x + size * 0.35, base - size * 0.45),
            (x + size * 0.25, base),
            (x - size * 0.25, base),
        ],
        pot,
    )
    for k in range(7):
        angle = math.radians(200 + k * 23)
        tip = (x + math.cos(angle) * size * 0.9, base - size * 0.45 + math.sin(angle) * size * 0.9)
        canvas.line([(x, base - size * 0.45), tip], leaf, width=size * 0.12)
        canvas.circle(*tip, size * 0.1, leaf)
