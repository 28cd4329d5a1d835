"""Demo content shared machinery and the halls' own pages.

Every app that contributes demo content has a `demo` module with `load(demo)`; the
`load_demo` command calls them in order. Each loader is idempotent: it looks objects up by a
stable key (slug, name) and creates only what is missing, so a second run changes nothing.
"""

import io
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from home.translation import translate


@dataclass
class Demo:
    """What loaders share: the locales, the two home pages and a log of what was created."""

    fr: Locale
    en: Locale
    home_fr: Page
    home_en: Page
    created: list = field(default_factory=list)

    def note(self, what):
        self.created.append(what)

    def child_page(self, parent, page_class, slug, en_glossary, **fields):
        """The French page `slug` under `parent`, created (and translated) if missing."""
        page = page_class.objects.child_of(parent).filter(slug=slug, locale=self.fr).first()
        if page is None:
            page = page_class(slug=slug, locale=self.fr, **fields)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.note(f"{page_class.__name__} {slug}")
        if page.get_translation_or_none(self.en) is None:
            translate(page, self.en, en_glossary)
            self.note(f"{page_class.__name__} {slug} (en)")
        return page

    def snippet(self, model, lookup, en_glossary, **fields):
        """The French snippet matching `lookup`, created (and translated) if missing."""
        obj = model.objects.filter(locale=self.fr, **lookup).first()
        if obj is None:
            obj = model(locale=self.fr, **lookup, **fields)
            obj.save()
            self.note(f"{model.__name__} {lookup}")
        if en_glossary is not None and obj.get_translation_or_none(self.en) is None:
            translate(obj, self.en, en_glossary)
            self.note(f"{model.__name__} {lookup} (en)")
        return obj


def generated_image(title, colours, size=(1600, 900)):
    """An image drawn on the spot, so the demo needs no file from outside the project."""
    from PIL import Image, ImageDraw

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


def prepare_site():
    """Locales, and a French home page at the root of the default site (replacing Wagtail's
    placeholder page) with its English translation beside it."""
    from home.demo.pages import HOME_GLOSSARY, home_body
    from home.models import HomePage

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    fr = Locale.objects.get(language_code="fr")
    en = Locale.objects.get(language_code="en")
    # Wagtail's migrations create the root page and collection; a flushed database has neither,
    # and its content types got new keys that this process may still have cached.
    ContentType.objects.clear_cache()
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=fr)
    )
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    site = Site.objects.filter(is_default_site=True).first()
    home_fr = HomePage.objects.filter(locale=fr, depth=2).first()
    created = []
    if home_fr is None:
        home_fr = HomePage(title="Accueil", slug="accueil", locale=fr, body=home_body())
        root.add_child(instance=home_fr)
        home_fr.save_revision().publish()
        created.append("HomePage accueil")
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home_fr,
            is_default_site=True,
            site_name="Les Halles Civiques",
        )
    elif site.root_page_id != home_fr.pk:
        placeholder = site.root_page
        site.root_page = home_fr
        site.site_name = "Les Halles Civiques"
        site.save()
        if placeholder.specific_class is Page and not placeholder.get_children().exists():
            placeholder.delete()  # Wagtail's "Welcome to your new Wagtail site!" page
    demo = Demo(fr=fr, en=en, home_fr=home_fr, home_en=None, created=created)
    home_en = home_fr.get_translation_or_none(en)
    if home_en is None:
        home_en = translate(home_fr, en, HOME_GLOSSARY)
        demo.note("HomePage accueil (en)")
    demo.home_en = home_en
    return demo


def load(demo):
    from home.demo.pages import load_pages

    load_pages(demo)
