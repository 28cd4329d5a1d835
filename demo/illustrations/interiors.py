"""Indoor scenes: a market hall, a workshop, a meeting room, a reading corner."""

import math

from .kit import HEIGHT, WIDTH, mix, person, plant, vanishing_lines


def _long_table(c, vx, vy, y, half, wood, people):
    """A long table seen from its end, seats on both sides, narrowing towards (vx, vy)."""
    far_y = vy + (y - vy) * 0.35

    def at(yy, dx):
        return vx + dx * (yy - vy) / (y - vy)

    c.poly(
        [
            (at(far_y, half[0]), far_y),
            (at(far_y, half[1]), far_y),
            (at(y, half[1]), y),
            (at(y, half[0]), y),
        ],
        wood,
    )
    c.poly(
        [
            (at(y, half[0]), y),
            (at(y, half[1]), y),
            (at(y, half[1]), y + 12),
            (at(y, half[0]), y + 12),
        ],
        mix(wood, "#000000", 0.35),
    )
    for i in range(people):
        t = 0.1 + 0.9 * (i / max(1, people - 1))
        yy = far_y + (y - far_y) * t**1.4
        scale = (yy - vy) / (y - vy)
        for side, dx in ((-1, half[0]), (1, half[1])):
            if c.rng.random() < 0.25:
                continue
            person(
                c, at(yy, dx) + side * 22 * scale, yy + 4, 190 * scale, seated=True, towards=-side
            )


def market_hall(c):
    """A 19th-century market hall: iron arches, glass roof, people at long tables."""
    rng = c.rng
    vx, vy = WIDTH / 2 + rng.uniform(-80, 80), 430
    c.gradient(0, 900, "#f7d9a8", "#e9b27a")
    # Glass roof: pale panes between converging iron ribs, under a great arch.
    c.gradient(0, 430, "#cfe3e8", "#fbe9c9")
    iron = "#2f3b45"
    for k in range(1, 9):
        r = 900 * (0.82**k)
        c.arc(
            [vx - r * 1.05, vy - r * 0.95, vx + r * 1.05, vy + r * 0.95],
            180,
            360,
            iron,
            width=14 * 0.85**k,
        )
    for k in range(-8, 9):
        x = vx + k * 220
        c.line([(vx + k * 12, vy - 40), (x, -40)], iron, width=4)
    # Back wall with a fan window.
    c.rect(vx - 260, vy - 120, vx + 260, vy + 60, "#e8c99a")
    c.draw.pieslice(
        [(vx - 170) * c.scale, (vy - 130) * c.scale, (vx + 170) * c.scale, (vy + 90) * c.scale],
        180,
        360,
        fill="#fff3d6",
    )
    for k in range(1, 8):
        a = math.radians(180 + k * 22.5)
        c.line(
            [(vx, vy - 20), (vx + math.cos(a) * 170, vy - 20 + math.sin(a) * 110)], iron, width=3
        )
    # Side walls and columns receding to the back.
    reach = 260 * (HEIGHT - vy) / 60  # where the floor's side edges leave the picture
    c.poly(
        [(0, 0), (vx - 260, vy - 120), (vx - 260, vy + 60), (vx - reach, HEIGHT), (0, HEIGHT)],
        "#d99a5b",
    )
    c.poly(
        [
            (WIDTH, 0),
            (vx + 260, vy - 120),
            (vx + 260, vy + 60),
            (vx + reach, HEIGHT),
            (WIDTH, HEIGHT),
        ],
        "#cf8e52",
    )
    for k in range(6):
        t = 0.82**k
        for side in (-1, 1):
            x = vx + side * (260 + (WIDTH * 0.62 - 260) * t)
            top = vy - 120 - (vy + 80) * t
            bottom = vy + 60 + (HEIGHT - vy - 60) * t
            c.rect(x - 16 * t - 3, top, x + 16 * t + 3, bottom, iron)
            c.rect(x - 30 * t - 4, bottom - 12 * t - 3, x + 30 * t + 4, bottom, iron)
    # Floor: warm tiles in perspective.
    c.poly(
        [(vx - reach, HEIGHT), (vx - 260, vy + 60), (vx + 260, vy + 60), (vx + reach, HEIGHT)],
        "#b5651d",
    )
    vanishing_lines(c, vx, vy, (vx - 260, vx + 260, vy + 60), "#a55a18", count=10, width=3)
    # Hanging lamps.
    for k in range(4):
        t = 0.75**k
        for side in (-1, 1):
            x = vx + side * 380 * t
            y = vy - 40 - 120 * t
            c.line([(x, -10), (x, y)], iron, width=2)
            c.poly(
                [
                    (x - 26 * t - 4, y + 22 * t + 4),
                    (x + 26 * t + 4, y + 22 * t + 4),
                    (x + 8 * t, y),
                    (x - 8 * t, y),
                ],
                "#2d6a4f",
            )
            c.circle(x, y + 24 * t + 4, 9 * t + 2, "#ffe8a3")
    for offset in (-420, 420):
        _long_table(c, vx, vy, 860, (offset - 120, offset + 120), "#7a4a24", people=6)
    # Visitors walking down the aisle.
    for y in sorted(rng.uniform(520, 880) for _ in range(4)):
        scale = (y - vy) / (HEIGHT - vy)
        person(c, vx + rng.choice((-1, 1)) * rng.uniform(40, 160) * scale, y, 330 * scale)


def workshop(c):
    """A workshop and fab-lab: workbenches, a tool wall, a big window, people making."""
    rng = c.rng
    # Wall and floor vary with the seed, so two workshops do not look the same.
    wall, floor = rng.choice(
        [("#e9dcc6", "#9aa0a6"), ("#dde7e0", "#a39081"), ("#f3e1cf", "#7d8b8f")]
    )
    c.rect(0, 0, WIDTH, 560, wall)
    # Factory window with small panes, daylight outside.
    c.rect(900, 70, 1480, 430, "#4b5563")
    c.gradient(82, 418, "#bfe0ee", "#f3f0df", x0=912, x1=1468)
    for k in range(1, 6):
        c.line([(900 + k * 96.7, 70), (900 + k * 96.7, 430)], "#4b5563", width=8)
    for k in range(1, 4):
        c.line([(900, 70 + k * 90), (1480, 70 + k * 90)], "#4b5563", width=8)
    # Pegboard with tools.
    c.rect(100, 120, 760, 420, "#c8a27a")
    for k in range(12):
        x = 140 + k * 52
        kind = rng.randrange(3)
        colour = rng.choice(["#3d5a80", "#c8553d", "#2d6a4f", "#264653", "#e9c46a"])
        if kind == 0:
            c.rect(x, 160, x + 10, 300, colour)
            c.rect(x - 12, 150, x + 22, 180, "#5c5c5c")
        elif kind == 1:
            c.circle(x + 5, 220, 22, colour)
            c.rect(x + 1, 240, x + 9, 330, "#5c5c5c")
        else:
            c.rect(x - 6, 170, x + 16, 240, colour)
            c.rect(x, 240, x + 10, 310, "#5c5c5c")
    for k in range(3):
        c.rect(100 + k * 230, 340, 290 + k * 230, 350, "#7a5230")
        for j in range(4):
            c.rect(
                110 + k * 230 + j * 44,
                300,
                146 + k * 230 + j * 44,
                340,
                rng.choice(["#f4a259", "#5b8e7d", "#bc4b51", "#e9c46a"]),
            )
    # Floor, then benches receding to the back wall.
    c.rect(0, 560, WIDTH, HEIGHT, floor)
    vanishing_lines(c, 800, 300, (0, WIDTH, 560), "#8a9096", count=10, width=2)
    for y, scale, xs in ((600, 0.7, (330, 1130)), (760, 1.1, (200, 1050))):
        for x in xs:
            w = 420 * scale
            person(c, x + w * 0.25, y - 10, 300 * scale)
            person(c, x + w * 0.72, y - 10, 300 * scale)
            c.rect(x, y - 110 * scale, x + w, y - 90 * scale, "#c08552")
            c.rect(x + 10, y - 90 * scale, x + 26, y + 60 * scale, "#4b5563")
            c.rect(x + w - 26, y - 90 * scale, x + w - 10, y + 60 * scale, "#4b5563")
            c.rect(x + w * 0.1, y - 150 * scale, x + w * 0.35, y - 110 * scale, "#3d5a80")
            c.rect(x + w * 0.55, y - 130 * scale, x + w * 0.9, y - 110 * scale, "#e9c46a")
    for x in (420, 1180):
        c.line([(x, 0), (x, 90)], "#2b2b2b", width=3)
        c.poly([(x - 50, 130), (x + 50, 130), (x + 18, 90), (x - 18, 90)], "#e76f51")
        c.circle(x, 132, 12, "#fff2b3")


def meeting_room(c):
    """A meeting room: chairs in a circle, a screen, a window on the park."""
    rng = c.rng
    wall, floor = rng.choice(
        [("#f2e8cf", "#b08968"), ("#e3ecef", "#9c7a5b"), ("#f6dccb", "#8d6e63")]
    )
    c.rect(0, 0, WIDTH, 520, wall)
    c.rect(0, 480, WIDTH, 520, "#d4c4a8")
    c.rect(980, 80, 1500, 420, "#3a5a40")
    c.gradient(96, 404, "#a7d3e0", "#e9f5db", x0=996, x1=1484)
    for x in (1060, 1180, 1330, 1440):
        c.circle(x, 380, rng.uniform(50, 80), "#6a994e")
    c.line([(1240, 80), (1240, 420)], "#3a5a40", width=12)
    # Screen with a chart.
    c.rect(180, 90, 720, 400, "#283845")
    c.rect(196, 106, 704, 384, "#f8f9fa")
    for k, h in enumerate((120, 180, 90, 220, 160)):
        c.rect(
            250 + k * 85,
            350 - h,
            300 + k * 85,
            350,
            ("#e76f51", "#2a9d8f", "#e9c46a", "#264653", "#f4a261")[k],
        )
    c.rect(440, 400, 460, 480, "#283845")
    c.rect(0, 520, WIDTH, HEIGHT, floor)
    c.ellipse(340, 590, 1260, 860, "#ddb892")
    # Chairs and people on an ellipse, the far ones smaller, drawn back to front.
    seats = []
    for k in range(10):
        a = 2 * math.pi * k / 10 + 0.3
        x = 800 + math.cos(a) * 420
        y = 710 + math.sin(a) * 110
        seats.append((y, x))
    for y, x in sorted(seats):
        scale = 0.75 + (y - 600) / 220 * 0.45
        towards = 1 if x < 800 else -1
        # The chair (back, seat, legs), then whoever sits on it.
        back = x - towards * 34 * scale
        c.rect(back - 5 * scale, y - 70 * scale, back + 5 * scale, y, "#264653")
        c.rect(x - 40 * scale, y - 8 * scale, x + 40 * scale, y + 4 * scale, "#264653")
        c.rect(x - 36 * scale, y, x - 30 * scale, y + 70 * scale, "#264653")
        c.rect(x + 30 * scale, y, x + 36 * scale, y + 70 * scale, "#264653")
        if rng.random() < 0.85:
            person(c, x, y - 8 * scale, 260 * scale, seated=True, towards=towards)
    person(c, 500, 575, 320)
    plant(c, 1500, 640, 110, "#2d6a4f", "#c8553d")


def library_corner(c):
    """A reading corner: shelves of books, armchairs, a lamp, people reading."""
    rng = c.rng
    c.rect(0, 0, WIDTH, 600, "#e8d5b7")
    for x0 in (60, 560, 1060):
        c.rect(x0, 60, x0 + 480, 560, "#7a4a24")
        for shelf in range(4):
            y = 80 + shelf * 120
            c.rect(x0 + 14, y + 100, x0 + 466, y + 112, "#5c3b22")
            x = x0 + 18
            while x < x0 + 450:
                w = rng.uniform(14, 30)
                h = rng.uniform(70, 98)
                colour = rng.choice(
                    [
                        "#c8553d",
                        "#2d6a4f",
                        "#e9c46a",
                        "#3d5a80",
                        "#f4a259",
                        "#8c5e58",
                        "#f2e8cf",
                        "#6d597a",
                    ]
                )
                c.rect(x, y + 100 - h, x + w, y + 100, colour)
                x += w + 2
    c.rect(0, 600, WIDTH, HEIGHT, "#a26b45")
    c.ellipse(200, 660, 1400, 880, "#c8553d")
    c.ellipse(260, 680, 1340, 860, "#e07a5f")
    for x, towards, colour in ((420, 1, "#2d6a4f"), (1180, -1, "#3d5a80")):
        c.rect(x - 120, 560, x + 120, 780, colour, radius=30)
        c.rect(x - 140, 640, x + 140, 790, mix(colour, "#000000", 0.2), radius=24)
        person(c, x, 660, 330, seated=True, towards=towards)
        c.rect(x + towards * 20, 540, x + towards * 80, 580, "#f2e8cf")
    c.rect(780, 680, 820, 800, "#3d405b")
    c.ellipse(700, 660, 900, 700, "#3d405b")
    c.line([(1400, 820), (1400, 380)], "#283845", width=8)
    c.poly([(1340, 380), (1460, 380), (1430, 320), (1370, 320)], "#e9c46a")
    c.circle(1400, 390, 18, "#fff2b3")
    person(c, 980, 640, 360, clothes="#6d597a")
