"""Images drawn on the spot, so the demo needs no file from outside the project."""

import io

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model

from . import illustrations
from .illustrations import marks

# What each scene shows, for the image's description: Wagtail offers it as the alternative
# text wherever a template does not give its own.
SCENE_DESCRIPTIONS = {
    "market-hall": "Une grande halle du XIXe siècle sous sa verrière, des gens attablés "
    "à de longues tables.",
    "cafe-terrace": "La terrasse d’un café-bar le soir, sous des guirlandes lumineuses.",
    "workshop": "Un atelier de fabrication : établis, mur d’outils, personnes au travail.",
    "community-garden": "Un jardin partagé au-dessus des toits de Paris, des bacs cultivés.",
    "meeting-room": "Une salle de réunion, chaises en cercle face à un écran.",
    "library-corner": "Un coin lecture : rayonnages de livres, fauteuils, lampe.",
    "festival-stage": "Une scène de festival en plein air, des fanions et le public.",
}

# The same in English, for the alternative text of the English pages (the image is shared).
SCENE_DESCRIPTIONS_EN = {
    "market-hall": "A large 19th-century market hall under its glass roof, people sitting "
    "at long tables.",
    "cafe-terrace": "A café-bar terrace in the evening, under strings of lights.",
    "workshop": "A makers’ workshop: workbenches, a wall of tools, people at work.",
    "community-garden": "A community garden above the roofs of Paris, with planted beds.",
    "meeting-room": "A meeting room, chairs in a circle facing a screen.",
    "library-corner": "A reading corner: bookshelves, armchairs, a lamp.",
    "festival-stage": "An open-air festival stage, bunting and the audience.",
}


def scene_alt(scene):
    """(French, English) alternative text of a scene, for a page's own alt field."""
    return SCENE_DESCRIPTIONS[scene], SCENE_DESCRIPTIONS_EN[scene]


def _saved(title, picture, description=""):
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=84, optimize=True)
    slug = "".join(c if c.isalnum() else "-" for c in title.lower())
    width, height = picture.size
    return get_image_model().objects.create(
        title=title,
        description=description,
        file=ImageFile(buffer, name=f"demo-{slug}.jpg"),
        width=width,
        height=height,
    )


def illustration(title, scene):
    """An illustration of a third place (see demo/illustrations), drawn once per title: the
    title seeds the drawing, so two pages with the same scene still get different pictures."""
    existing = get_image_model().objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = illustrations.render(scene, seed=title)
    return _saved(title, picture, SCENE_DESCRIPTIONS[scene])


def _drawn_once(title, draw):
    existing = get_image_model().objects.filter(title=title).first()
    return existing if existing is not None else _saved(title, draw())


def logo(name, colours):
    """The organisation's logo: its monogram on a badge in its colours (illustrations.marks)."""
    return _drawn_once(f"Logo {name}", lambda: marks.logo(name, colours))


def portrait(name, colours):
    """An illustrated portrait of the person `name` (illustrations.marks)."""
    return _drawn_once(f"Portrait {name}", lambda: marks.portrait(name, colours))


def generated_image(title, colours, size=(1600, 900)):
    """An abstract image (for tests that need any picture), drawn on the spot."""
    existing = get_image_model().objects.filter(title=title).first()
    if existing is not None:
        return existing
    width, height = size
    picture = Image.new("RGB", size, colours[0])
    draw = ImageDraw.Draw(picture)
    for i, colour in enumerate(colours[1:], start=1):
        draw.ellipse(
            [width * (i * 0.22) - 300, height * 0.35, width * (i * 0.22) + 380, height * 1.4],
            fill=colour,
        )
    draw.rectangle([0, height * 0.78, width, height], fill=colours[-1])
    return _saved(title, picture)
