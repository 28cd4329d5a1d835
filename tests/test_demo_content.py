"""The demo loader builds a bilingual site and a second run changes nothing."""

from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page, Revision

from navigation.models import MainMenu


def _load():
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo", "--no-admin", verbosity=0)


def _state():
    return (
        list(Page.objects.order_by("path").values_list("path", "slug", "live", "locale_id")),
        Revision.objects.count(),
    )


def test_demo_is_bilingual_and_idempotent(client, db):
    _load()
    first = _state()
    _load()

    assert _state() == first
    assert client.get("/fr/").status_code == 200
    assert client.get("/en/").status_code == 200
    en_about = client.get("/en/about/")
    assert en_about.status_code == 200 and "About us" in en_about.text
    assert "Pavillon du Parc de Belleville" in client.get("/fr/venir/").text
    # The illustrations (issue 19) describe what they show and are credited in the legal notice.
    from wagtail.images import get_image_model

    hall = get_image_model().objects.get(title="La grande halle, un jour de rencontres")
    assert (hall.width, hall.height) == (1600, 900) and "halle" in hall.description
    assert "dedicated to the public domain (CC0)" in client.get("/en/legal-notice/").text
    # The Site record names the one origin of PORTAL_BASE_URL (issue 18), not http://localhost.
    from wagtail.models import Site

    assert Site.objects.get(is_default_site=True).root_url == "http://testserver"
    # Every menu item has its own position, in both languages (issue 18: the admin kept
    # reordering items that had none).
    for menu in MainMenu.objects.all():
        positions = list(menu.items.values_list("sort_order", flat=True))
        assert None not in positions and len(set(positions)) == len(positions) > 0
