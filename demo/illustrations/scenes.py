"""The scenes: third places people want to go to, each a function drawing on a Canvas."""

import math

from .kit import HEIGHT, WIDTH, catenary, floor_rows, mix, person, plant, vanishing_lines


def _long_table(c, vx, vy, y, half, wood, people):
    """A long table seen from its end, seats on both sides, narrowing towards (vx, vy)."""
    far_y = vy + (y - vy) * 0.35
    def at(yy, dx):
        return vx + dx * (yy - vy) / (y - vy)
    c.poly([(at(far_y, half[0]), far_y), (at(far_y, half[1]), far_y), (at(y, half[1]), y), (at(y, half[0]), y)], wood)
    c.poly([(at(y, half[0]), y), (at(y, half[1]), y), (at(y, half[1]), y + 12), (at(y, half[0]), y + 12)], mix(wood, "#000000", 0.35))
    for i in range(people):
        t = 0.1 + 0.9 * (i / max(1, people - 1))
        yy = far_y + (y - far_y) * t ** 1.4
        scale = (yy - vy) / (y - vy)
        for side, dx in ((-1, half[0]), (1, half[1])):
            if c.rng.random() < 0.25:
                continue
            person(c, at(yy, dx) + side * 22 * scale, yy + 4, 190 * scale, seated=True, towards=-side)


def market_hall(c):
    """A 19th-century market hall: iron arches, glass roof, people at long tables."""
    rng = c.rng
    vx, vy = WIDTH / 2 + rng.uniform(-80, 80), 430
    c.gradient(0, 900, "#f7d9a8", "#e9b27a")
    # Glass roof: pale panes between converging iron ribs, under a great arch.
    c.gradient(0, 430, "#cfe3e8", "#fbe9c9")
    iron = "#2f3b45"
    for k in range(1, 9):
        r = 900 * (0.82 ** k)
        c.arc([vx - r * 1.05, vy - r * 0.95, vx + r * 1.05, vy + r * 0.95], 180, 360, iron, width=14 * 0.85 ** k)
    for k in range(-8, 9):
        x = vx + k * 220
        c.line([(vx + k * 12, vy - 40), (x, -40)], iron, width=4)
    # Back wall with a fan window.
    c.rect(vx - 260, vy - 120, vx + 260, vy + 60, "#e8c99a")
    c.draw.pieslice([(vx - 170) * c.scale, (vy - 130) * c.scale, (vx + 170) * c.scale, (vy + 90) * c.scale], 180, 360, fill="#fff3d6")
    for k in range(1, 8):
        a = math.radians(180 + k * 22.5)
        c.line([(vx, vy - 20), (vx + math.cos(a) * 170, vy - 20 + math.sin(a) * 110)], iron, width=3)
    # Side walls and columns receding to the back.
    reach = 260 * (HEIGHT - vy) / 60  # where the floor's side edges leave the picture
    c.poly([(0, 0), (vx - 260, vy - 120), (vx - 260, vy + 60), (vx - reach, HEIGHT), (0, HEIGHT)], "#d99a5b")
    c.poly([(WIDTH, 0), (vx + 260, vy - 120), (vx + 260, vy + 60), (vx + reach, HEIGHT), (WIDTH, HEIGHT)], "#cf8e52")
    for k in range(6):
        t = 0.82 ** k
        for side in (-1, 1):
            x = vx + side * (260 + (WIDTH * 0.62 - 260) * t)
            top = vy - 120 - (vy + 80) * t
            bottom = vy + 60 + (HEIGHT - vy - 60) * t
            c.rect(x - 16 * t - 3, top, x + 16 * t + 3, bottom, iron)
            c.rect(x - 30 * t - 4, bottom - 12 * t - 3, x + 30 * t + 4, bottom, iron)
    # Floor: warm tiles in perspective.
    c.poly([(vx - reach, HEIGHT), (vx - 260, vy + 60), (vx + 260, vy + 60), (vx + reach, HEIGHT)], "#b5651d")
    vanishing_lines(c, vx, vy, (vx - 260, vx + 260, vy + 60), "#a55a18", count=10, width=3)
    # Hanging lamps.
    for k in range(4):
        t = 0.75 ** k
        for side in (-1, 1):
            x = vx + side * 380 * t
            y = vy - 40 - 120 * t
            c.line([(x, -10), (x, y)], iron, width=2)
            c.poly([(x - 26 * t - 4, y + 22 * t + 4), (x + 26 * t + 4, y + 22 * t + 4), (x + 8 * t, y), (x - 8 * t, y)], "#2d6a4f")
            c.circle(x, y + 24 * t + 4, 9 * t + 2, "#ffe8a3")
    for offset in (-420, 420):
        _long_table(c, vx, vy, 860, (offset - 120, offset + 120), "#7a4a24", people=6)
    # Visitors walking down the aisle.
    for y in sorted(rng.uniform(520, 880) for _ in range(4)):
        scale = (y - vy) / (HEIGHT - vy)
        person(c, vx + rng.choice((-1, 1)) * rng.uniform(40, 160) * scale, y, 330 * scale)


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
        c.poly([(x, base - h), (x + w, base - h), (x + w - 12, base - h - 18), (x + 12, base - h - 18)], colour)
        x += w - 4
    if tower:
        tx = WIDTH * rng.uniform(0.62, 0.78)
        c.poly([(tx - 70, base), (tx - 8, base - 330), (tx + 8, base - 330), (tx + 70, base)], colour)
        c.line([(tx, base - 330), (tx, base - 372)], colour, width=4)


def cafe_terrace(c):
    """A café-bar at dusk: a lit front, an awning, string lights, a busy terrace."""
    rng = c.rng
    _sky(c, 520, "#27364f", "#f0a868", sun=None)
    _skyline(c, 520, "#3a3f58", rng, tower=False)
    # The café front: warm windows under a striped awning.
    c.rect(180, 170, 1420, 620, "#b5523b")
    for k in range(4):
        x = 230 + k * 300
        c.rect(x, 300, x + 240, 560, "#ffd58a")
        c.rect(x, 300, x + 240, 318, "#f6b45c")
        c.rect(x + 115, 300, x + 125, 560, "#7a3326")
        person(c, x + 70, 560, 180, clothes="#7a3326")
    c.rect(180, 190, 1420, 250, "#2d3047")
    stripe = ["#f4efe6", "#2d6a4f"]
    for k in range(16):
        x = 160 + k * 80
        c.poly([(x, 250), (x + 80, 250), (x + 88, 300), (x + 8, 300)], stripe[k % 2])
    # Terrace floor and the string lights above it.
    c.rect(0, 520, WIDTH, HEIGHT, "#c99b73")
    floor_rows(c, 520, 600, "#b98b63", count=6, width=2)
    for x0, x1, y0, y1, sag in ((-20, 820, 120, 210, 120), (780, 1620, 210, 110, 120), (-20, 1620, 60, 60, 220)):
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


def workshop(c):
    """A workshop and fab-lab: workbenches, a tool wall, a big window, people making."""
    rng = c.rng
    c.rect(0, 0, WIDTH, 560, "#e9dcc6")
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
            c.rect(110 + k * 230 + j * 44, 300, 146 + k * 230 + j * 44, 340, rng.choice(["#f4a259", "#5b8e7d", "#bc4b51", "#e9c46a"]))
    # Floor, then benches receding to the back wall.
    c.rect(0, 560, WIDTH, HEIGHT, "#9aa0a6")
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


def community_garden(c):
    """A community garden above the city: raised beds, trees, a shed, people gardening."""
    rng = c.rng
    _sky(c, 430, "#9fd3e6", "#fbe7c6", sun=(1300, 150, 60, "#ffe08a"))
    _skyline(c, 430, "#b8c4cf", rng)
    c.rect(0, 430, WIDTH, HEIGHT, "#7fb069")
    c.rect(0, 430, WIDTH, 470, "#6a994e")
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
            c.rect(x, y, x + w, y + h, "#8c5e3c")
            c.rect(x, y - 10 * scale, x + w, y + 6 * scale, "#5c3b22")
            for j in range(7):
                px = x + w * (j + 0.5) / 7
                colour = rng.choice(["#2d6a4f", "#40916c", "#52b788", "#95d5b2"])
                c.circle(px, y - 20 * scale, 22 * scale, colour)
                if rng.random() < 0.3:
                    c.circle(px + 8 * scale, y - 30 * scale, 8 * scale, rng.choice(["#e63946", "#f4a259", "#ffb703"]))
            if rng.random() < 0.7:
                person(c, x + w * rng.uniform(0.2, 0.8), y + h + 20 * scale, 320 * scale)
    c.line([(0, 470), (WIDTH, 470)], "#ffffff", width=3)
    for x in range(0, WIDTH, 40):
        c.line([(x, 440), (x, 470)], "#ffffff", width=3)


def meeting_room(c):
    """A meeting room: chairs in a circle, a screen, a window on the park."""
    rng = c.rng
    c.rect(0, 0, WIDTH, 520, "#f2e8cf")
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
        c.rect(250 + k * 85, 350 - h, 300 + k * 85, 350, ("#e76f51", "#2a9d8f", "#e9c46a", "#264653", "#f4a261")[k])
    c.rect(440, 400, 460, 480, "#283845")
    c.rect(0, 520, WIDTH, HEIGHT, "#b08968")
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
        c.rect(x - 40 * scale, y - 8 * scale, x + 40 * scale, y + 4 * scale, "#264653")
        c.rect(x - 36 * scale, y, x - 30 * scale, y + 70 * scale, "#264653")
        c.rect(x + 30 * scale, y, x + 36 * scale, y + 70 * scale, "#264653")
        if rng.random() < 0.85:
            person(c, x, y - 4 * scale, 260 * scale, seated=True, towards=towards)
    person(c, 560, 600, 330)
    plant(c, 1530, 600, 120, "#2d6a4f", "#c8553d")


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
                colour = rng.choice(["#c8553d", "#2d6a4f", "#e9c46a", "#3d5a80", "#f4a259", "#8c5e58", "#f2e8cf", "#6d597a"])
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
    for x0, x1, y0, y1, sag in ((-20, 420, 120, 260, 80), (1180, 1620, 260, 120, 80), (-20, 1620, 40, 40, 160)):
        points = catenary(x0, y0, x1, y1, sag, n=20)
        c.line(points, "#2b2b2b", width=2)
        for k, (x, y) in enumerate(points[:-1]):
            colour = ("#e63946", "#f4a259", "#2a9d8f", "#e9c46a", "#f1faee")[k % 5]
            c.poly([(x, y), points[k + 1], ((x + points[k + 1][0]) / 2, (y + points[k + 1][1]) / 2 + 34)], colour)
    # The crowd, from behind, in rows that grow towards the viewer.
    for row, (y, scale) in enumerate(((700, 0.6), (800, 0.85), (930, 1.15))):
        x = rng.uniform(-60, 0)
        while x < WIDTH + 60:
            person(c, x, y, 340 * scale, facing_away=True)
            x += rng.uniform(80, 150) * scale * (1 + row * 0.2)
