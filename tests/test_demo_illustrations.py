"""The demo's illustrations (issue 19): distinct scenes of third places, not abstract shapes."""

import itertools

import pytest
from PIL import ImageChops, ImageFilter, ImageStat

from demo.illustrations import SCENES, render


def _difference(a, b):
    """Mean difference between two pictures, 0 (same) to 255, on a small copy."""
    small = (160, 90)
    diff = ImageChops.difference(a.resize(small), b.resize(small))
    return sum(ImageStat.Stat(diff).mean) / 3


@pytest.fixture(scope="module")
def pictures():
    return {scene: render(scene, seed="Les Halles Civiques") for scene in SCENES}


def test_each_scene_is_a_full_size_picture_with_detail(pictures):
    assert len(pictures) >= 7
    for scene, picture in pictures.items():
        assert picture.size == (1600, 900), scene
        # Edge density: the old placeholders (a few big ellipses) scored under 4; a scene with
        # people, furniture and windows scores above 10.
        edges = picture.convert("L").resize((400, 225)).filter(ImageFilter.FIND_EDGES)
        assert ImageStat.Stat(edges).mean[0] > 8, scene


def test_scenes_differ_from_each_other(pictures):
    for (name_a, a), (name_b, b) in itertools.combinations(pictures.items(), 2):
        assert _difference(a, b) > 25, (name_a, name_b)


def test_a_seed_always_draws_the_same_picture_and_another_seed_a_variant():
    first = render("market-hall", seed="Civic Hall")
    assert _difference(first, render("market-hall", seed="Civic Hall")) == 0
    assert _difference(first, render("market-hall", seed="Medialab Prado")) > 0


def test_logos_carry_a_readable_monogram_and_portraits_differ_by_person():
    from demo.data.organisations import ORGANISATIONS
    from demo.illustrations import marks

    assert marks.initials("Les Halles Civiques") == "HC"
    assert marks.initials("Maison de la Conversation") == "MC"
    assert marks.initials("L’Atelier") == "A"
    for spec in ORGANISATIONS:
        badge = spec["colours"][0]
        ink = marks._ink(badge)
        darker, lighter = sorted((marks._luminance(badge), marks._luminance(ink)))
        assert (lighter + 0.05) / (darker + 0.05) >= 4.5, spec["title"]  # WCAG AA for text
    first = marks.logo("Démocratie ouverte", ["#2d6a4f", "#e9c46a"])
    assert first.size == (400, 400)
    # The letters are there: pixels of the ink colour inside the badge.
    assert first.getcolors(400 * 400) and any(
        count > 500 and colour == (255, 255, 255) for count, colour in first.getcolors(400 * 400)
    )
    assert _difference(first, marks.logo("Medialab Prado", ["#2d6a4f", "#e9c46a"])) > 0
    camille = marks.portrait("Camille Martin", ["#a63a1a", "#172033"])
    assert _difference(camille, marks.portrait("Camille Martin", ["#a63a1a", "#172033"])) == 0
    assert _difference(camille, marks.portrait("Jules Petit", ["#a63a1a", "#172033"])) > 0
