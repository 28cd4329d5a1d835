"""Scheduled publishing: an article with a go-live date in the future stays hidden until
Wagtail's `publish_scheduled` command runs after that date."""

import datetime as dt
from unittest import mock

from django.core.management import call_command
from django.utils import timezone

from news.models import ArticlePage
from tests import factories as f


def _visible(client):
    page = client.get("/fr/actualites/plus-tard/")
    listing = client.get("/fr/actualites/")
    feed = client.get("/fr/actualites/feed/")
    return page.status_code, "Plus tard" in listing.text, "Plus tard" in feed.text


def test_go_live_date_in_the_future_publishes_later(client, news):
    go_live = timezone.now() + dt.timedelta(hours=2)
    article = f.article(news["fr"], "Plus tard", slug="plus-tard", go_live_at=go_live)
    article.refresh_from_db()
    assert not article.live
    assert article.get_latest_revision().approved_go_live_at == go_live
    assert _visible(client) == (404, False, False)

    # Before the date, the command publishes nothing.
    call_command("publish_scheduled")
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert _visible(client) == (404, False, False)

    later = go_live + dt.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    article.refresh_from_db()
    assert article.live
    assert _visible(client) == (200, True, True)


def test_editor_schedules_an_article_in_the_admin(client, news, admin_user):
    client.force_login(admin_user)
    go_live = timezone.localtime() + dt.timedelta(days=2)
    response = client.post(
        f"/admin/pages/add/news/articlepage/{news['fr'].pk}/",
        {
            "title": "Plus tard",
            "slug": "plus-tard",
            "kind": "news",
            "date": go_live.date().isoformat(),
            "introduction": "Bientôt.",
            "body-count": "0",
            "go_live_at": go_live.strftime("%Y-%m-%d %H:%M"),
            "action-publish": "Publish",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    article = ArticlePage.objects.get(slug="plus-tard")
    assert not article.live
    assert article.go_live_at is not None
    assert _visible(client) == (404, False, False)
