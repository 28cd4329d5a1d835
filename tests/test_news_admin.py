"""Editors' side of the news: authors are snippets, one news index per home page."""

from home.models import HomePage
from news.models import ArticlePage, Author, NewsIndexPage
from tests import factories as f


def test_editor_manages_authors_as_snippets(client, news, admin_user):
    client.force_login(admin_user)
    listing = client.get("/admin/snippets/news/author/")
    assert listing.status_code == 200
    assert "Camille Martin" in listing.text
    response = client.post(
        "/admin/snippets/news/author/add/?locale=fr",
        {"name": "Yanis Benali", "role": "Coordinateur", "bio": "", "locale": "fr"},
    )
    assert response.status_code == 302
    assert Author.objects.filter(name="Yanis Benali", locale__language_code="fr").exists()


def test_one_news_index_per_home_page_and_articles_only_under_it(site_tree, news):
    home = HomePage.objects.get(pk=site_tree["fr"].pk)
    home_en = HomePage.objects.get(pk=site_tree["en"].pk)
    assert not NewsIndexPage.can_create_at(home)
    assert not NewsIndexPage.can_create_at(home_en)  # its translation is already there
    assert ArticlePage.can_create_at(news["fr"])
    assert not ArticlePage.can_create_at(home)


def test_editor_opens_an_article_in_the_admin(client, news, admin_user):
    client.force_login(admin_user)
    article = f.article(news["fr"], "Un article", author=news["author"])
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    for field in ("go_live_at", "lead_image", "related_events", "themes"):
        assert f'name="{field}"' in response.text, field
