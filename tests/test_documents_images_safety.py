"""Uploaded documents and images cannot run script on the portal's origin.

Documents are always downloaded (Content-Disposition: attachment), never sniffed into HTML,
and carry a CSP that blocks embedded content; HTML and SVG are not accepted as documents,
and an SVG (or anything that is not a bitmap) is refused as an image, whatever its name.
"""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(document.cookie)</script></svg>"
)
HTML = b"<!doctype html><title>x</title><script>alert(document.cookie)</script>"


@pytest.fixture
def media_on_disk(settings, tmp_path):
    """Documents served from files on disk, as in production (the tests' in-memory storage
    has no paths for Wagtail's file sender)."""
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }


@pytest.fixture
def root_collection(db):
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def _document(name, content, root_collection):
    document = get_document_model()(title=name, collection=root_collection)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


@pytest.mark.parametrize(
    "name, content",
    [
        ("evil.html", HTML),
        ("evil.svg", SVG),
        ("evil.txt", HTML),
        ("evil.pdf", HTML),
        ("evil.csv", b'=HYPERLINK("http://evil.example")\n' + HTML),
    ],
)
def test_documents_are_served_as_attachments_that_cannot_run(
    client, root_collection, media_on_disk, name, content
):
    """Even a file that reached storage another way (an import, a restored backup)."""
    document = _document(name, content, root_collection)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    # An HTML or SVG file keeps its type, but a download with no script allowed never runs.
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.parametrize(
    "name, content, content_type",
    [
        ("evil.html", HTML, "text/html"),
        ("evil.svg", SVG, "image/svg+xml"),
        ("evil.htm", HTML, "text/html"),
        ("evil.xhtml", HTML, "application/xhtml+xml"),
    ],
)
def test_the_admin_refuses_html_and_svg_documents(
    admin_client, root_collection, name, content, content_type
):
    before = get_document_model().objects.count()
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Evil",
            "collection": root_collection.pk,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )
    assert response.status_code == 200  # the form again, with its error
    assert get_document_model().objects.count() == before


def _png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), (10, 20, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, content, content_type",
    [
        ("evil.svg", SVG, "image/svg+xml"),
        ("evil.png", SVG, "image/png"),  # an SVG behind a bitmap's name
        ("evil.jpg", HTML, "image/jpeg"),
        ("evil.gif", b"GIF89a" + HTML, "image/gif"),  # a polyglot: a header, then markup
    ],
)
def test_the_admin_refuses_images_that_are_not_bitmaps(
    admin_client, root_collection, name, content, content_type
):
    before = get_image_model().objects.count()
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Evil",
            "collection": root_collection.pk,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )
    assert response.status_code == 200
    assert get_image_model().objects.count() == before


def test_the_admin_accepts_a_real_bitmap(admin_client, root_collection):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Good",
            "collection": root_collection.pk,
            "file": SimpleUploadedFile("good.png", _png(), content_type="image/png"),
        },
    )
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Good").exists()
