"""Shared set-up for the translation tests: a French tree translated into English as far as a
test needs, and what wagtail-localize gives translators for an object."""

import io

from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail_localize.models import TranslationSource


class World:
    """The French tree and its English translation, built as far as each case needs."""

    def __init__(self, site_tree, translate):
        self.tree = site_tree
        self.translate = translate
        self.en = site_tree["locales"]["en"]
        self.fr_locale = site_tree["locales"]["fr"]
        self._cache = {}

    def en_of(self, instance, glossary):
        return self.translate(instance, self.en, glossary)

    def remember(self, key, value):
        """Let later builders reuse what a case built (its index page, say)."""
        self._cache[key] = value

    def _once(self, key, build):
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    def add_page(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    def image(self, title="Halle"):
        buffer = io.BytesIO()
        Image.new("RGB", (40, 30), "#a63a1a").save(buffer, format="PNG")
        return get_image_model().objects.create(
            title=title, file=ImageFile(buffer, name=f"{title.lower()}.png"), width=40, height=30
        )

    def index(self, model, title, slug, en_title, en_slug):
        def build():
            page = self.add_page(self.tree["fr"], model(title=title, slug=slug))
            self.en_of(page, {title: en_title, slug: en_slug})
            return page

        return self._once(model, build)

    def directory(self):
        from directory.models import DirectoryIndexPage

        return self.index(DirectoryIndexPage, "Annuaire", "annuaire", "Directory", "directory")

    def programme(self):
        from programme.models import ProgrammePage

        return self.index(ProgrammePage, "Programme", "programme", "Programme", "programme")

    def news(self):
        from news.models import NewsIndexPage

        return self.index(NewsIndexPage, "Actualités", "actualites", "News", "news")

    def theme(self):
        from directory.models import Theme

        def build():
            theme = Theme.objects.create(
                name="Communs urbains", slug="communs-urbains", locale=self.fr_locale
            )
            self.en_of(
                theme, {"Communs urbains": "Urban commons", "communs-urbains": "urban-commons"}
            )
            return theme

        return self._once("theme", build)

    def room(self):
        from programme.models import Room

        def build():
            room = Room.objects.create(
                name="Grande halle", slug="grande-halle", capacity=120, locale=self.fr_locale
            )
            self.en_of(room, {"Grande halle": "Great hall"})
            return room

        return self._once("room", build)

    def author(self):
        from news.models import Author

        def build():
            author = Author.objects.create(
                name="Camille Martin", role="Rédactrice", locale=self.fr_locale
            )
            self.en_of(author, {"Rédactrice": "Editor"})
            return author

        return self._once("author", build)


def segment_strings(instance):
    """The strings wagtail-localize gives translators for `instance`, as its editor shows them."""
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    return {segment.string.data for segment in source.stringsegment_set.select_related("string")}
