"""Site-wide navigation and contact details: the settings, the main menu and the footer.

The settings (address, contacts, social links) are the same in every language; the menu and
the footer are translatable snippets, one per language, that editors arrange.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin

from pagecache.fragments import cached_fragment


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Facts about the hall that are the same in every language."""

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    mastodon_url = models.URLField(_("Mastodon"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    newsletter_url = models.URLField(_("newsletter"), blank=True)
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("default sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when a page without an image of its own is shared on social networks "
            "(cropped to 1200 × 630 pixels). Without it, the network's logo is used."
        ),
    )

    panels = [
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("phone")], heading=_("Contact")),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("postcode"),
                FieldPanel("city"),
                FieldPanel("country"),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mastodon_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("instagram_url"),
                FieldPanel("newsletter_url"),
            ],
            heading=_("Social links"),
        ),
        FieldPanel("share_image"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_site(cls, site):
        """Wagtail's, except that the row comes from the fragment cache: every page reads it."""
        if site is None:
            return super().for_site(site)
        return cls.for_site_id(site.pk)

    @classmethod
    def for_site_id(cls, site_id):
        """The settings of the site `site_id` (created on first use), from the fragment cache."""
        return cached_fragment(
            None,
            "site-settings",
            [site_id],
            lambda: cls.base_queryset().get_or_create(site_id=site_id)[0],
        )

    @property
    def address_line(self):
        """The halls' postal address on one line (events in the halls take it as theirs)."""
        parts = (self.street_address, self.postcode, self.city)
        return ", ".join(part for part in parts if part)

    @property
    def social_links(self):
        """(label, url) pairs for the links that are filled in, in a fixed order."""
        links = [
            ("Mastodon", self.mastodon_url),
            ("LinkedIn", self.linkedin_url),
            ("Instagram", self.instagram_url),
            (_("Newsletter"), self.newsletter_url),
        ]
        return [(label, url) for label, url in links if url]


class ForActiveLocaleQuerySet(models.QuerySet):
    def for_active_locale(self):
        """The object in the reader's language, else the one in the default language."""
        active = Locale.get_active()
        objects = list(self.filter(locale__in=[active, Locale.get_default()]))
        for obj in objects:
            if obj.locale_id == active.pk:
                return obj
        return objects[0] if objects else None


class SiteFooter(TranslatableMixin, models.Model):
    """Words of the footer that change with the language: opening hours and a short text."""

    opening_hours = RichTextField(_("opening hours"), features=["bold", "ul", "link"], blank=True)
    footer_text = RichTextField(_("footer text"), features=["bold", "italic", "link"], blank=True)

    objects = ForActiveLocaleQuerySet.as_manager()

    panels = [FieldPanel("opening_hours"), FieldPanel("footer_text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return str(_("Footer (%(language)s)") % {"language": self.locale.get_display_name()})


class MainMenu(TranslatableMixin, ClusterableModel):
    """The header's navigation, one per language, arranged by editors."""

    objects = ForActiveLocaleQuerySet.as_manager()

    panels = [InlinePanel("items", label=_("Menu items"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("main menu")
        verbose_name_plural = _("main menus")

    def __str__(self):
        return str(_("Main menu (%(language)s)") % {"language": self.locale.get_display_name()})


class MenuItem(TranslatableMixin, Orderable):
    menu = ParentalKey(MainMenu, related_name="items", on_delete=models.CASCADE)
    label = models.CharField(
        _("label"), max_length=60, blank=True, help_text=_("Leave empty to use the page title.")
    )
    link_page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.URLField(_("external address"), blank=True)

    panels = [FieldPanel("label"), PageChooserPanel("link_page"), FieldPanel("link_url")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("menu item")

    def __str__(self):
        return self.label or (self.link_page.title if self.link_page else self.link_url)

    def save(self, *args, **kwargs):
        # Items made in code (the demo, a translation) come without a position; without one
        # their order is the database's whim and the next save in the admin reshuffles them.
        if self.sort_order is None and self.menu_id is not None:
            last = MenuItem.objects.filter(menu_id=self.menu_id).aggregate(
                last=models.Max("sort_order")
            )["last"]
            self.sort_order = 0 if last is None else last + 1
        super().save(*args, **kwargs)

    def clean(self):
        if not self.link_page_id and not self.link_url:
            raise ValidationError(_("Choose a page or enter an external address."))
