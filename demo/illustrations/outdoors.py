"""Outdoor scenes: a café terrace, a community garden, a festival stage."""

from .kit import HEIGHT, WIDTH, catenary, floor_rows, mix, person, plant


def _sky(c, horizon, top, bottom, sun=None):
    c.gradient(0, horizon, top, bottom)
    if sun:
        x, y, r, colour = sun
        c.circle(x, y, r * 1.6, mix(colour, bottom, 0.6))
        c.circle(x, y, r, colour)


def _skyline(c, base, colour, rng, tower=True):
    """Paris roofs in the distance, with the Eiffel tower when `tower`."""
    x = -20
    while x < WIDTH:
        w = rng.uniform(60, 140)
        h = rng.uniform(40, 110)
        c.rect(x, base - h, x + w, base, colour)
        c.poly(
            [
                (x, base - h),
                (x + w, base - h),
                (x + w - 12, base - h - 18),
                (x + 12, base - h - 18),
            ],
            colour,
        )
        x += w - 4
    if tower:
        _eiffel_tower(c, WIDTH * rng.uniform(0.6, 0.72), base, colour)


def _eiffel_tower(c, x, base, colour, height=300):
    """The tower's silhouette: legs that curve out to the ground, two platforms, a spire."""
    legs = []
    for k in range(11):
        t = k / 10
        # Legs spread out in a curve near the ground, as the real ones do.
        half = 8 + 62 * (1 - t) ** 2.2
        legs.append((x - half, base - height * 0.78 * t))
    c.poly([*legs, *[(2 * x - px, py) for px, py in reversed(legs)]], colour)
    c.line([(x, base - height * 0.78), (x, base - height)], colour, width=5)
    c.rect(x - 38, base - height * 0.3, x + 38, base - height * 0.3 + 8, colour)
    c.rect(x - 20, base - height * 0.55, x + 20, base - height * 0.55 + 6, colour)


def cafe_terrace(c):
    """A café-bar at dusk: a lit front, an awning, string lights, a busy terrace."""
    rng = c.rng
    _sky(c, 520, "#27364f", "#f0a868", sun=None)
    _skyline(c, 520, "#3a3f58", rng, tower=False)
    # The café front: warm windows under a striped awning, in colours that vary with the seed.
    front, awning = rng.choice(
        [
            ("#b5523b", "#2d6a4f"),
            ("#2d6a4f", "#c8553d"),
            ("#3d5a80", "#e9c46a"),
            ("#8c5e58", "#264653"),
        ]
    )
    c.rect(180, 170, 1420, 620, front)
    for k in range(4):
        x = 230 + k * 300
        c.rect(x, 300, x + 240, 560, "#ffd58a")
        c.rect(x, 300, x + 240, 318, "#f6b45c")
        c.rect(x + 115, 300, x + 125, 560, "#7a3326")
        person(c, x + 70, 560, 180, clothes="#7a3326")
    c.rect(180, 190, 1420, 250, "#2d3047")
    stripe = ["#f4efe6", awning]
    for k in range(16):
        x = 160 + k * 80
        c.poly([(x, 250), (x + 80, 250), (x + 88, 300), (x + 8, 300)], stripe[k % 2])
    # Terrace floor and the string lights above it.
    c.rect(0, 520, WIDTH, HEIGHT, "#c99b73")
    floor_rows(c, 520, 600, "#b98b63", count=6, width=2)
    for x0, x1, y0, y1, sag in (
        (-20, 820, 120, 210, 120),
        (780, 1620, 210, 110, 120),
        (-20, 1620, 60, 60, 220),
    ):
        points = catenary(x0, y0, x1, y1, sag)
        c.line(points, "#2b2b2b", width=2)
        for x, y in points[1:-1]:
            c.circle(x, y + 8, 9, mix("#fff2b3", "#ffffff", 0.3))
            c.circle(x, y + 8, 5, "#ffd35c")
    # Round tables with people around them, the nearest ones larger.
    for row, (y, scale) in enumerate(((680, 0.8), (820, 1.15))):
        for k in range(3 if row else 4):
            x = (260 + k * 360) if not row else (420 + k * 420) + rng.uniform(-40, 40)
            person(c, x - 90 * scale, y, 230 * scale, seated=True, towards=1)
            person(c, x + 90 * scale, y, 230 * scale, seated=True, towards=-1)
            c.ellipse(x - 80 * scale, y - 60 * scale, x + 80 * scale, y - 30 * scale, "#f4efe6")
            c.rect(x - 6 * scale, y - 45 * scale, x + 6 * scale, y + 40 * scale, "#2b2b2b")
            c.rect(x - 10 * scale, y - 80 * scale, x - 2 * scale, y - 52 * scale, "#e76f51")
    plant(c, 120, 640, 90, "#2d6a4f", "#8c5e58")
    plant(c, 1480, 640, 90, "#40916c", "#8c5e58")


def community_garden(c):
    """A community garden above the city: raised beds, trees, a shed, people gardening."""
    rng = c.rng
    _sky(c, 430, "#9fd3e6", "#fbe7c6", sun=(1300, 150, 60, "#ffe08a"))
    _skyline(c, 430, "#b8c4cf", rng)
    c.rect(0, 430, WIDTH, HEIGHT, "#7fb069")
    c.rect(0, 430, WIDTH, 470, "#6a994e")
    c.line([(0, 470), (WIDTH, 470)], "#ffffff", width=3)
    for x in range(0, WIDTH, 40):
        c.line([(x, 440), (x, 470)], "#ffffff", width=3)
    for x in (80, 260, 1380, 1520):
        c.rect(x - 12, 330, x + 12, 480, "#6b4f3a")
        c.circle(x, 320, 90, "#386641")
        c.circle(x - 50, 360, 60, "#4c8c4a")
    c.rect(1120, 330, 1330, 480, "#c8553d")
    c.poly([(1100, 335), (1225, 270), (1350, 335)], "#7a3326")
    c.rect(1200, 390, 1250, 480, "#7a3326")
    # Raised beds receding to the horizon, plants in rows.
    for k, (y, scale) in enumerate(((520, 0.45), (620, 0.7), (760, 1.05))):
        for x in ((300, 820), (120, 720, 1300), (-60, 620, 1240))[k]:
            w, h = 420 * scale, 70 * scale
            if rng.random() < 0.7:
                # A gardener behind the bed, hidden from the knees down.
                person(c, x + w * rng.uniform(0.2, 0.8), y + h * 0.8, 300 * scale)
            c.rect(x, y, x + w, y + h, "#8c5e3c")
            c.rect(x, y - 10 * scale, x + w, y + 6 * scale, "#5c3b22")
            for j in range(7):
                px = x + w * (j + 0.5) / 7
                colour = rng.choice(["#2d6a4f", "#40916c", "#52b788", "#95d5b2"])
                c.circle(px, y - 20 * scale, 22 * scale, colour)
                if rng.random() < 0.3:
                    c.circle(
                        px + 8 * scale,
                        y - 30 * scale,
                        8 * scale,
                        rng.choice(["#e63946", "#f4a259", "#ffb703"]),
                    )


def festival_stage(c):
    """A summer festival: an open-air stage, bunting, a crowd seen from behind."""
    rng = c.rng
    _sky(c, 560, "#3d2c5e", "#f6a96b", sun=(300, 470, 70, "#ffd27a"))
    for x in range(-40, WIDTH, 140):
        c.circle(x + rng.uniform(-20, 20), 560, rng.uniform(70, 110), "#2f3e46")
    c.rect(0, 560, WIDTH, HEIGHT, "#556b2f")
    # The stage, lit, with musicians.
    c.rect(420, 380, 1180, 600, "#283845")
    c.poly([(380, 250), (1220, 250), (1180, 300), (420, 300)], "#c8553d")
    c.rect(420, 300, 1180, 380, "#ffe6a7")
    c.rect(440, 300, 1160, 560, "#fbd38d")
    for x in (560, 800, 1040):
        person(c, x, 560, 240)
    c.rect(640, 470, 700, 560, "#283845")
    c.rect(430, 300, 450, 600, "#283845")
    c.rect(1150, 300, 1170, 600, "#283845")
    for x0, x1, y0, y1, sag in (
        (-20, 420, 120, 260, 80),
        (1180, 1620, 260, 120, 80),
        (-20, 1620, 40, 40, 160),
    ):
        points = catenary(x0, y0, x1, y1, sag, n=20)
        c.line(points, "#2b2b2b", width=2)
        for k, (x, y) in enumerate(points[:-1]):
            colour = ("#e63946", "#f4a259", "#2a9d8f", "#e9c46a", "#f1faee")[k % 5]
            c.poly(
                [
                    (x, y),
                    points[k + 1],
                    ((x + points[k + 1][0]) / 2, (y + points[k + 1][1]) / 2 + 34),
                ],
                colour,
            )
    # The crowd, from behind, in rows that grow towards the viewer.
    for row, (y, scale) in enumerate(((700, 0.6), (800, 0.85), (930, 1.15))):
        x = rng.uniform(-60, 0)
        while x < WIDTH + 60:
            person(c, x, y, 340 * scale, facing_away=True)
            x += rng.uniform(80, 150) * scale * (1 + row * 0.2)
