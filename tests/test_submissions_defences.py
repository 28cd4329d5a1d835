"""Spam and abuse: honeypot, fill time, rate limit, limits, uploads checked by content, and
script-injection payloads escaped wherever submitted text appears."""

import io
import re
import struct
import time
import zlib

import pytest
from django.core import mail
from django.urls import reverse
from PIL import Image

from publicforms.defences import issue_started_token
from submissions.models import Submission

from .submissions_support import (
    PASSWORD,
    event_data,
    form_url,
    make_user,
    organisation_data,
    place_data,
    png_bytes,
    portal_fixture,  # noqa: F401 - the "portal" fixture
    submit,
    upload,
)

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _post(client, portal, capture, kind="organisation", language="fr", **overrides):
    builders = {"organisation": organisation_data, "place": place_data, "event": event_data}
    return submit(client, form_url(portal, kind, language), builders[kind](**overrides), capture)


def test_honeypot_rejects_and_keeps_what_was_typed(
    client, portal, django_capture_on_commit_callbacks
):
    response = _post(client, portal, django_capture_on_commit_callbacks, homepage="http://spam")
    assert response.status_code == 200
    assert Submission.objects.count() == 0
    assert 'id="error-summary"' in response.text
    assert 'value="Atelier Citoyen"' in response.text


def test_minimum_fill_time_and_forged_start(client, portal, django_capture_on_commit_callbacks):
    too_fast = _post(
        client, portal, django_capture_on_commit_callbacks, started=issue_started_token()
    )
    assert too_fast.status_code == 200
    assert Submission.objects.count() == 0
    forged = _post(
        client, portal, django_capture_on_commit_callbacks, started=f"{int(time.time()) - 99}:x:y"
    )
    assert forged.status_code == 200
    missing = _post(client, portal, django_capture_on_commit_callbacks, started="")
    assert missing.status_code == 200
    assert Submission.objects.count() == 0


def test_rate_limit_answers_429_in_the_visitors_language(
    client,
    portal,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.PORTAL_FORM_RATE = "2/h"
    for n in range(2):
        response = _post(client, portal, django_capture_on_commit_callbacks, title=f"Org {n}")
        assert response.status_code == 302
    blocked = _post(client, portal, django_capture_on_commit_callbacks, title="Org 3")
    assert blocked.status_code == 429
    assert blocked["Retry-After"]
    assert Submission.objects.count() == 2
    blocked_en = _post(client, portal, django_capture_on_commit_callbacks, "place", "en")
    assert blocked_en.status_code == 429
    assert 'lang="en"' in blocked_en.text and "Too many attempts" in blocked_en.text
    # Reading the form is never limited.
    assert client.get(form_url(portal, "organisation")).status_code == 200


def test_length_limits_and_validated_addresses(client, portal, django_capture_on_commit_callbacks):
    response = _post(
        client,
        portal,
        django_capture_on_commit_callbacks,
        title="x" * 151,
        summary="y" * 241,
        description="z" * 5001,
        website="javascript:alert(1)",
        email="not-an-address",
        city="c" * 101,
    )
    assert response.status_code == 200
    assert Submission.objects.count() == 0
    form = response.context["form"]
    assert set(form.errors) >= {"title", "summary", "description", "website", "email", "city"}
    # Accessible errors: each field points at its message, the summary links to the fields.
    assert 'aria-invalid="true"' in response.text
    assert 'aria-describedby="id_title_helptext id_title_error"' in response.text or (
        'id="id_title_error"' in response.text
    )
    assert 'href="#id_email"' in response.text
    # Every text input and textarea carries a limit.
    for field in ("title", "summary", "city", "postcode", "contact_phone"):
        assert f'name="{field}" maxlength=' in response.text or re.search(
            rf'name="{field}"[^>]*maxlength="\d+"', response.text
        ), field


def test_event_dates_and_prices_are_checked(client, portal, django_capture_on_commit_callbacks):
    response = _post(
        client,
        portal,
        django_capture_on_commit_callbacks,
        "event",
        start="2001-01-01T10:00",
        end="2000-01-01T10:00",
        is_free="",
    )
    assert response.status_code == 200
    assert {"start", "end", "price"} <= set(response.context["form"].errors)


def test_rich_text_is_reduced_to_a_safe_subset(client, portal, django_capture_on_commit_callbacks):
    description = (
        '<p onclick="x()">Bonjour <strong>tout</strong> <a href="javascript:alert(1)">le</a> '
        '<a href="https://ok.example">monde</a></p><iframe src="https://evil"></iframe>'
        "<style>p{}</style>"
    )
    _post(client, portal, django_capture_on_commit_callbacks, description=description)
    page = Submission.objects.get().page.specific
    assert "onclick" not in page.description
    assert "javascript:" not in page.description
    assert "<iframe" not in page.description and "<style" not in page.description
    assert "<strong>tout</strong>" in page.description
    assert 'href="https://ok.example"' in page.description


def _png_bomb(width=20000, height=20000):
    """A valid, tiny PNG whose pixels would need gigabytes once decoded."""
    raw_row = b"\x00" + b"\x00" * (width // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(raw_row) for _ in range(height)) + compressor.flush()

    def chunk(kind, body):
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("logo.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
        ("logo.png", b"<html><body><script>alert(1)</script></body></html>"),
        ("logo.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
        ("bomb.png", None),
        ("huge.png", b"\x89PNG" + b"\x00" * (5 * 1024 * 1024 + 10)),
    ],
)
def test_disguised_oversized_and_bomb_uploads_are_refused(
    client,
    portal,
    name,
    content,
    django_capture_on_commit_callbacks,
):
    content = _png_bomb() if content is None else content
    response = _post(client, portal, django_capture_on_commit_callbacks, logo=upload(name, content))
    assert response.status_code == 200
    assert "logo" in response.context["form"].errors
    assert Submission.objects.count() == 0


def test_the_form_states_the_upload_limit_it_applies(
    client, portal, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_UPLOAD_MAX_BYTES = 1024 * 1024
    for kind in ("organisation", "place", "event"):
        assert "1,0\xa0Mio au maximum" in client.get(form_url(portal, kind)).content.decode(), kind
    big = upload("big.png", b"\x89PNG" + b"\x00" * (1024 * 1024 + 10))
    response = _post(client, portal, django_capture_on_commit_callbacks, logo=big)
    assert response.context["form"].errors["logo"] == [
        "L’image est trop lourde\xa0: 1,0\xa0Mio au maximum."
    ]


def test_accepted_image_is_re_encoded_without_metadata(
    client, portal, django_capture_on_commit_callbacks
):
    exif = Image.Exif()
    exif[0x010F] = "SecretCameraMaker"
    jpeg = png_bytes(fmt="JPEG", exif=exif.tobytes()) + b"<script>trailing</script>"
    _post(
        client,
        portal,
        django_capture_on_commit_callbacks,
        logo=upload("me.jpeg", jpeg, "image/jpeg"),
    )
    image = Submission.objects.get().page.specific.logo
    stored = image.file.read()
    assert b"SecretCameraMaker" not in stored and b"<script>" not in stored
    assert Image.open(io.BytesIO(stored)).format == "JPEG"
    assert image.file.name.endswith(".jpg") and "me" not in image.file.name.rsplit("/", 1)[1]


def test_script_payloads_are_escaped_in_public_page_admin_and_emails(
    client,
    portal,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.PORTAL_STAFF_EMAILS = ["staff@example.org"]
    fields = {
        name: PAYLOAD[:90]
        for name in ("title", "summary", "city", "street_address", "postcode", "contact_phone")
    }
    fields["postcode"] = PAYLOAD[:20]
    fields["contact_phone"] = PAYLOAD[:40]
    fields["description"] = PAYLOAD
    response = _post(client, portal, django_capture_on_commit_callbacks, **fields)
    assert response.status_code == 302, response.context["form"].errors
    submission = Submission.objects.get()
    page = submission.page.specific

    for message in mail.outbox:
        assert "<script" not in message.body and "<script" not in message.subject
        html = message.alternatives[0][0]
        assert "<script" not in html and "<img" not in html
        assert "&lt;script&gt;" in html

    moderator = make_user("mod", "Moderators")
    client.force_login(moderator)
    listing = client.get(reverse("wagtailsnippets_submissions_submission:list"))
    assert listing.status_code == 200
    assert "<script>alert" not in listing.text and "&lt;script&gt;" in listing.text
    edit = client.get(reverse("wagtailsnippets_submissions_submission:edit", args=[submission.pk]))
    assert edit.status_code == 200 and "<script>alert" not in edit.text
    page_edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert page_edit.status_code == 200 and "<script>alert" not in page_edit.text

    page.save_revision().publish()
    client.logout()
    public = client.get(page.url)
    assert public.status_code == 200
    text = public.text
    start = text.find("<script>alert")
    assert start == -1, text[max(0, start - 300) : start + 100]
    assert "<img src=x" not in text
    listing = client.get(portal["directory_fr"].url)
    assert "<script>alert" not in listing.text


def test_admin_listing_shows_origin_and_duplicate_warning(
    client,
    portal,
    django_capture_on_commit_callbacks,
):
    from tests import factories

    factories.organisation(portal["directory_fr"], "Atelier Citoyen")
    _post(client, portal, django_capture_on_commit_callbacks)
    _post(client, portal, django_capture_on_commit_callbacks, title="Autre nom")
    client.force_login(make_user("mod", "Moderators"))
    listing = client.get(
        reverse("wagtailsnippets_submissions_submission:list"), {"status": "pending"}
    )
    assert listing.status_code == 200
    # The admin speaks the site's default language (French) to a user without a preference.
    assert "même nom que la page" in listing.text
    assert "même nom ou même adresse e-mail que la proposition" in listing.text
    assert "#" + Submission.objects.first().origin_ip_hash[:10] in listing.text


def test_login_password_is_not_needed_but_admin_is_refused_to_anonymous(client, portal):
    response = client.get(reverse("wagtailsnippets_submissions_submission:list"))
    assert response.status_code == 302
    assert PASSWORD  # the support module's users log in with it
