"""Freshness of listings: the "last confirmed" date on the page, the admin report of listings
nobody confirmed for too long, hiding them (when the operators turn it on) and bringing them
back when their organisation confirms them."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from directory.freshness import confirm
from directory.models import OrganisationPage, StaleHiding
from tests import factories as f

LONG_AGO = timezone.now() - dt.timedelta(days=800)


@pytest.fixture
def entries(site_tree):
    index = f.directory_index(site_tree["fr"])
    old = f.organisation(index, "Vieille Fiche", city="Lyon")
    fresh = f.organisation(index, "Fiche Récente", city="Lille")
    OrganisationPage.objects.filter(pk=old.pk).update(
        first_published_at=LONG_AGO, last_published_at=LONG_AGO
    )
    old.refresh_from_db()
    return {"index": index, "old": old, "fresh": fresh}


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


def test_the_page_shows_when_it_was_last_confirmed(client, entries):
    html = client.get(entries["old"].url).content.decode()
    assert "Dernière confirmation" in html
    assert f'datetime="{timezone.localdate(LONG_AGO):%Y-%m-%d}"' in html

    confirm([entries["old"]], day=dt.date(2026, 5, 4))
    html = client.get(entries["old"].url).content.decode()
    assert 'datetime="2026-05-04"' in html


def test_the_report_lists_only_listings_nobody_confirmed_for_too_long(admin_client, entries):
    response = admin_client.get("/admin/reports/directory/stale/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vieille Fiche" in html
    assert "Fiche Récente" not in html

    confirm([entries["old"]])
    html = admin_client.get("/admin/reports/directory/stale/").content.decode()
    assert "Vieille Fiche" not in html

    export = admin_client.get("/admin/reports/directory/stale/", {"export": "csv"})
    assert export.status_code == 200


def test_the_report_is_for_editors_only(client, django_user_model, entries):
    user = django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    client.force_login(user)
    response = client.get("/admin/reports/directory/stale/")
    assert response.status_code in (302, 403)
    assert "Vieille Fiche" not in response.content.decode()


def test_nothing_is_hidden_unless_the_operators_turn_it_on(entries, settings):
    settings.PORTAL_FRESHNESS_AUTO_HIDE = False
    call_command("hide_stale_listings", verbosity=0)
    entries["old"].refresh_from_db()
    assert entries["old"].live


def test_hidden_when_stale_and_back_as_it_was_once_confirmed(client, entries, settings):
    settings.PORTAL_FRESHNESS_AUTO_HIDE = True
    old = entries["old"]
    live_revision = old.live_revision_id
    # A change waiting in moderation must not go live when the listing comes back.
    draft = old.get_latest_revision_as_object()
    draft.summary = "Pas encore relu"
    draft.save_revision()

    call_command("hide_stale_listings", verbosity=0)
    old.refresh_from_db()
    entries["fresh"].refresh_from_db()
    assert not old.live
    assert entries["fresh"].live
    assert client.get(old.url or f"/fr/annuaire/{old.slug}/").status_code == 404
    assert StaleHiding.objects.filter(page=old).exists()

    restored = confirm([old])
    old.refresh_from_db()
    assert [page.pk for page in restored] == [old.pk]
    assert old.live
    assert old.live_revision_id == live_revision  # published again from the kept revision
    assert old.summary != "Pas encore relu"
    assert old.last_confirmed == timezone.localdate()
    assert not StaleHiding.objects.exists()


def test_a_confirmation_survives_publishing_an_older_revision(entries):
    old = entries["old"]
    draft = old.get_latest_revision_as_object()
    draft.summary = "Relu"
    revision = draft.save_revision()
    confirm([old], day=dt.date(2026, 6, 1))
    revision.publish()
    old.refresh_from_db()
    assert old.summary == "Relu"
    assert old.last_confirmed == dt.date(2026, 6, 1)
