"""Images drawn on the spot, so the demo needs no file from outside the project."""

import io

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model


def generated_image(title, colours, size=(1600, 900)):
    """An image drawn on the spot, so the demo needs no file from outside the project."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
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
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    slug = "".join(c if c.isalnum() else "-" for c in title.lower())
    return image_model.objects.create(
        title=title, file=ImageFile(buffer, name=f"demo-{slug}.jpg"), width=width, height=height
    )
