"""The admin's home page shows what waits for editors; workflow names speak French."""

import datetime as dt

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.utils import timezone

from tests import factories as f


def _admin(client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "pw")
    client.force_login(user)
    return user


def test_dashboard_panels_count_what_waits(client, site_tree):
    from directory.models import OrganisationPage
    from submissions.models import Submission

    _admin(client)
    Submission.objects.create(
        kind="event", title="Repair café", email="a@example.org", language="fr"
    )
    Submission.objects.create(
        kind="place", title="Lieu retiré", email="b@example.org", language="fr", status="withdrawn"
    )
    index = f.directory_index(site_tree["fr"])
    old = f.organisation(index, "Collectif ancien")
    f.organisation(index, "Collectif récent")
    OrganisationPage.objects.filter(pk=old.pk).update(
        last_published_at=timezone.now() - dt.timedelta(days=400)
    )

    soup = BeautifulSoup(client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr").text, "html.parser")
    queue = soup.select_one("#dashboard-moderation-queue")
    assert queue.select_one(".w-status").text == "1"
    assert [a.text for a in queue.select("td a")] == ["Repair café"]
    assert soup.select_one("#dashboard-room-requests .w-status").text == "0"
    withdrawn = soup.select_one("#dashboard-withdrawn-listings")
    assert [a.text for a in withdrawn.select("td a")] == ["Lieu retiré"]
    stale = soup.select_one("#dashboard-stale-listings")
    assert [a.text for a in stale.select("td a")] == ["Collectif ancien"]
    assert "Fiches de l’annuaire non mises à jour depuis un an" in stale.get_text()


def test_admin_is_branded_without_remote_assets(client, site_tree):
    _admin(client)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr").text
    soup = BeautifulSoup(html, "html.parser")
    assert soup.title.text.strip().endswith("Les Halles Civiques")
    assert soup.select_one("link[href*='dashboard/admin.css']") is not None
    assert "Les Halles Civiques : le bureau des éditeurs" in html
    for tag in soup.select("link[href], script[src], img[src]"):
        address = tag.get("href") or tag.get("src")
        assert not address.startswith(("http://", "https://", "//")), address


def test_submit_button_names_the_workflow_in_french(client, site_tree):
    from django.utils import translation

    from home.models import ContentPage

    _admin(client)
    page = ContentPage(title="Visite", slug="visite")
    site_tree["fr"].add_child(instance=page)
    page.save_revision()
    with translation.override("fr"):
        html = client.get(f"/admin/pages/{page.pk}/edit/", HTTP_ACCEPT_LANGUAGE="fr").text
    assert "Moderators approval" not in html
    assert "Validation par les modérateurs" in html


def test_sidebar_labels_fit_in_french_and_english(rf, admin_user):
    # The sidebar shows about 21 characters before cutting a label with an ellipsis
    # ("Calendrier des salles" fits); longer French labels were cut mid-word.
    from django.utils import translation
    from wagtail.admin.menu import admin_menu

    request = rf.get("/admin/")
    request.user = admin_user
    for language in ("fr", "en"):
        with translation.override(language):
            labels = [str(item.label) for item in admin_menu.menu_items_for_request(request)]
        assert "Pages" in labels
        too_long = [label for label in labels if len(label) > 21]
        assert not too_long, (language, too_long)
