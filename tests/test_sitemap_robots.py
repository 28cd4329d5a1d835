import xml.etree.ElementTree as ET

from home.models import ContentPage

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_live_pages_of_both_locales_with_alternates(client, site_tree, translate):
    page = ContentPage(title="À propos", slug="a-propos")
    site_tree["fr"].add_child(instance=page)
    page.save_revision().publish()
    translate(page, site_tree["locales"]["en"], {"À propos": "About", "a-propos": "about"})
    draft = ContentPage(title="Brouillon", slug="brouillon", live=False)
    site_tree["fr"].add_child(instance=draft)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    tree = ET.fromstring(response.content)
    locations = [loc.text for loc in tree.findall("s:url/s:loc", NS)]
    assert set(locations) == {
        "http://testserver/fr/",
        "http://testserver/fr/a-propos/",
        "http://testserver/en/",
        "http://testserver/en/about/",
    }
    about = next(
        u for u in tree.findall("s:url", NS) if u.find("s:loc", NS).text.endswith("/about/")
    )
    alternates = {link.get("hreflang"): link.get("href") for link in about.findall("x:link", NS)}
    assert alternates == {
        "fr": "http://testserver/fr/a-propos/",
        "en": "http://testserver/en/about/",
        "x-default": "http://testserver/fr/a-propos/",
    }


def test_robots_txt_points_to_sitemap(client, site_tree):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
    assert "Disallow: /admin/" in response.text
