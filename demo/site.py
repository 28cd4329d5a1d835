"""What every demo loader shares: the locales, the two home pages, idempotent builders.

Each loader (demo/loaders/) is idempotent: it looks objects up by a stable key (slug, name)
and creates only what is missing, so a second run changes nothing.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, Locale, Page, Site

from home.models import HomePage
from languages.origin import site_address
from languages.translation import translate
from navigation.models import MainMenu, MenuItem

from . import factories
from .data.home import HOME_GLOSSARY
from .loaders.home import home_body


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
            page = factories.child_page(parent, page_class, slug=slug, locale=self.fr, **fields)
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

    def menu_entry(self, page, note, replacing=None):
        """Add `page` to the French main menu once (in place of the entry linking to the page
        `replacing`, if there is one), and bring the English menu in step."""
        menu = MainMenu.objects.filter(locale=self.fr).first()
        if menu is None or menu.items.filter(link_page=page).exists():
            return
        item = menu.items.filter(link_page__slug=replacing).first() if replacing else None
        if item is None:
            MenuItem.objects.create(
                menu=menu, link_page=page, locale=self.fr, sort_order=menu.items.count()
            )
        else:
            item.link_page = page
            item.save(update_fields=["link_page"])
        translate(menu, self.en, {})
        self.note(f"MenuItem {note}")


def _root_and_site():
    """The root page, the root collection and the default site, made again when a flushed
    database lost them (Wagtail's migrations create them once)."""
    fr = Locale.objects.get(language_code="fr")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=fr)
    )
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    return root, Site.objects.filter(is_default_site=True).first()


def _home_at_the_root(demo_log, root, site):
    """The French home page at the root of the default site, replacing Wagtail's placeholder."""
    fr = Locale.objects.get(language_code="fr")
    home_fr = HomePage.objects.filter(locale=fr, depth=2).first()
    if home_fr is None:
        home_fr = factories.child_page(
            root, HomePage, title="Accueil", slug="accueil", locale=fr, body=home_body()
        )
        demo_log.append("HomePage accueil")
    hostname, port = site_address()
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home_fr,
            is_default_site=True,
            site_name="Les Halles Civiques",
        )
    elif (site.hostname, site.port) != (hostname, port):
        # The one origin of PORTAL_BASE_URL, not "http://localhost" (issue 18).
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    if site is not None and site.root_page_id != home_fr.pk:
        placeholder = site.root_page
        site.root_page = home_fr
        site.site_name = "Les Halles Civiques"
        site.save()
        if placeholder.specific_class is Page and not placeholder.get_children().exists():
            placeholder.delete()  # Wagtail's "Welcome to your new Wagtail site!" page
    return home_fr


def prepare_site():
    """Locales, and a French home page at the root of the default site with its English
    translation beside it."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    # A flushed database's content types got new keys that this process may still have cached.
    ContentType.objects.clear_cache()
    created = []
    home_fr = _home_at_the_root(created, *_root_and_site())
    en = Locale.objects.get(language_code="en")
    demo = Demo(fr=home_fr.locale, en=en, home_fr=home_fr, home_en=None, created=created)
    home_en = home_fr.get_translation_or_none(en)
    if home_en is None:
        home_en = translate(home_fr, en, HOME_GLOSSARY)
        demo.note("HomePage accueil (en)")
    demo.home_en = home_en
    return demo
