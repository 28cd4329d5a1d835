"""The halls' own pages: the home page's blocks, the content pages, settings, footer, menu."""

from wagtail.models import Site

from home.models import ContentPage
from languages.translation import translate
from navigation.models import MainMenu, MenuItem, SiteFooter, SiteSettings

from ..data import home as data
from ..images import illustration
from .programme import programme_index


def paragraphs(texts):
    return "".join(f"<p>{text}</p>" for text in texts)


def home_body(pages=None):
    """The home page's blocks; links point at the content pages once they exist."""
    hero = {**data.HERO, "image": None, "links": []}
    body = [{"type": "hero", "value": hero}]
    if not pages:
        return body
    hero["image"] = illustration(*data.HERO_IMAGE).pk
    hero["links"] = [
        {"label": label, "page": pages[slug].pk, "url": ""} for label, slug in data.HERO_BUTTONS
    ]
    action = data.CALL_TO_ACTION
    link = {"label": action["label"], "page": pages[action["page"]].pk, "url": ""}
    return [
        *body,
        {"type": "rich_text", "value": paragraphs(data.HOME_PARAGRAPHS)},
        {"type": "upcoming_events", "value": {"heading": data.UPCOMING_HEADING, "count": 3}},
        {
            "type": "call_to_action",
            "value": {"heading": action["heading"], "text": action["text"], "link": link},
        },
    ]


def _settings_and_footer(demo):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if not site_settings.street_address:
        for name, value in data.SITE_SETTINGS.items():
            setattr(site_settings, name, value)
        site_settings.save()
        demo.note("SiteSettings")
    demo.snippet(SiteFooter, {}, data.FOOTER_GLOSSARY, **data.FOOTER)


def _menu(demo, pages):
    menu = MainMenu.objects.filter(locale=demo.fr).first()
    if menu is None:
        menu = MainMenu(locale=demo.fr)
        entries = [programme_index(demo), *(pages[slug] for slug in data.MENU_PAGES)]
        menu.items = [
            MenuItem(link_page=page, locale=demo.fr, sort_order=position)
            for position, page in enumerate(entries)
        ]
        menu.save()
        demo.note("MainMenu")
    if menu.get_translation_or_none(demo.en) is None:
        translate(menu, demo.en, {})
        demo.note("MainMenu (en)")


def load(demo):
    pages = {}
    for spec in data.PAGES:
        pages[spec["slug"]] = demo.child_page(
            demo.home_fr,
            ContentPage,
            spec["slug"],
            spec["en"],
            title=spec["title"],
            introduction=spec["introduction"],
            body=[{"type": "rich_text", "value": paragraphs(spec["paragraphs"])}],
        )
    home = demo.home_fr
    if len(home.body) < 2:  # first run: the home page was created before the pages it links to
        home.body = home_body(pages)
        home.save_revision().publish()
        translate(home, demo.en, data.HOME_GLOSSARY)
        demo.note("HomePage body")
    _settings_and_footer(demo)
    _menu(demo, pages)
