"""Every page describes itself to search engines and link previews from its own fields, with
the site's defaults behind them."""

from bs4 import BeautifulSoup
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from home.models import ContentPage
from navigation.models import SiteSettings


def _meta(client, url):
    soup = BeautifulSoup(client.get(url).text, "html.parser")
    return {
        tag.get("property") or tag.get("name"): tag["content"]
        for tag in soup.find_all("meta", content=True)
    }


def test_a_page_speaks_with_its_own_words_and_falls_back_to_the_network(client, site_tree):
    page = ContentPage(title="Nous rendre visite", slug="visite", introduction="Au parc.")
    site_tree["fr"].add_child(instance=page)
    page.save_revision().publish()
    bare = ContentPage(title="Mentions", slug="mentions")
    site_tree["fr"].add_child(instance=bare)
    bare.save_revision().publish()

    meta = _meta(client, "/fr/visite/")
    assert (
        meta["description"] == meta["og:description"] == meta["twitter:description"] == "Au parc."
    )
    assert meta["og:title"] == meta["twitter:title"] == "Nous rendre visite"
    assert meta["twitter:card"] == "summary_large_image"
    # No image of its own and none in the settings: the network's mark, as an absolute URL.
    assert meta["og:image"].startswith("http://testserver/static/img/share-default")
    assert meta["twitter:image"] == meta["og:image"]

    assert "réseau de tiers-lieux civiques" in _meta(client, "/fr/mentions/")["description"]


def test_site_settings_image_then_page_image(client, site_tree):
    from programme.models import ProgrammePage

    image = Image.objects.create(title="Parc", file=get_test_image_file(size=(1600, 900)))
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.share_image = image
    settings.save()
    page = ProgrammePage(title="Programme", slug="programme", introduction="Tout le programme.")
    site_tree["fr"].add_child(instance=page)
    page.save_revision().publish()

    meta = _meta(client, "/fr/programme/")
    assert meta["og:image"].startswith("http://testserver/media/images/")
    assert "fill-1200x630" in meta["og:image"]
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["description"] == "Tout le programme."


def test_public_forms_do_not_show_the_editors_help_texts(client, site_tree):
    from submissions.forms import FORMS

    for form_class in FORMS.values():
        form = form_class()
        model_help = {
            field.name: str(field.help_text)
            for field in form_class._meta.model._meta.get_fields()
            if getattr(field, "help_text", "")
        }
        for name, field in form.fields.items():
            if name in model_help and name not in form.declared_fields:
                assert str(field.help_text) != model_help[name], (form_class.__name__, name)
        assert form.fields["title"].help_text  # partners get their own words instead
