"""The pages a French association's site must publish, and the settings that put them in
every page's footer: legal notice, privacy policy and accessibility statement (RGAA model)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from privacy.blocks import RetentionTableBlock
from streamblocks.blocks import BaseStreamBlock

from .choices import Compliance

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class LegalStreamBlock(BaseStreamBlock):
    retention_table = RetentionTableBlock()


class LegalPage(Page):
    """A legal text editors keep up to date: the legal notice, the privacy policy, terms."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=500)
    body = StreamField(LegalStreamBlock(), blank=True, verbose_name=_("body"))
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("Shown on the page: the date the text was last checked."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("legal page")
        verbose_name_plural = _("legal pages")


class AccessibilityStatementPage(Page):
    """The accessibility statement, with the sections of the RGAA model statement."""

    compliance = models.CharField(
        _("compliance state"),
        max_length=10,
        choices=Compliance.choices,
        default=Compliance.NONE,
        help_text=_("Also shown in every page's footer, as the RGAA requires."),
    )
    rgaa_version = models.CharField(_("RGAA version"), max_length=10, default="4.1.2")
    compliance_rate = models.PositiveSmallIntegerField(
        _("criteria met (%)"),
        null=True,
        blank=True,
        help_text=_("From the last audit; leave empty if the site was never audited."),
    )
    audit_date = models.DateField(_("audit date"), null=True, blank=True)
    auditor = models.CharField(_("audited by"), max_length=200, blank=True)
    non_compliant_content = RichTextField(
        _("non-compliant content"), features=TEXT_FEATURES, blank=True
    )
    disproportionate_burden = RichTextField(
        _("exemptions for disproportionate burden"), features=TEXT_FEATURES, blank=True
    )
    exempt_content = RichTextField(
        _("content not subject to the obligation"), features=TEXT_FEATURES, blank=True
    )
    statement_date = models.DateField(_("statement established on"), null=True, blank=True)
    technologies = models.CharField(
        _("technologies used"), max_length=200, default="HTML5, CSS, JavaScript", blank=True
    )
    test_environment = RichTextField(
        _("test environment"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Browsers and assistive technologies used for the checks."),
    )
    evaluation_tools = RichTextField(_("evaluation tools"), features=TEXT_FEATURES, blank=True)
    audited_pages = RichTextField(_("pages checked"), features=TEXT_FEATURES, blank=True)
    feedback = RichTextField(
        _("feedback and contact"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_(
            "How to report a problem. The contact page and the site's e-mail address are "
            "added below it."
        ),
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recourse = RichTextField(
        _("recourse"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Leave empty for the standard text (the Défenseur des droits)."),
    )

    override_translatable_fields = [
        SynchronizedField("rgaa_version"),
        SynchronizedField("auditor"),
        SynchronizedField("technologies"),
    ]
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("compliance"), FieldPanel("rgaa_version")]),
                FieldRowPanel(
                    [
                        FieldPanel("compliance_rate"),
                        FieldPanel("audit_date"),
                        FieldPanel("auditor"),
                    ]
                ),
            ],
            heading=_("Compliance state"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("non_compliant_content"),
                FieldPanel("disproportionate_burden"),
                FieldPanel("exempt_content"),
            ],
            heading=_("Content that is not accessible"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("statement_date"),
                FieldPanel("technologies"),
                FieldPanel("test_environment"),
                FieldPanel("evaluation_tools"),
                FieldPanel("audited_pages"),
            ],
            heading=_("How this statement was established"),
        ),
        FieldPanel("feedback"),
        PageChooserPanel("contact_page"),
        FieldPanel("recourse"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("non_compliant_content"),
        index.SearchField("feedback"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        contact = self.contact_page
        if contact is None:
            contact = LegalPagesSettings.for_request(request).contact_page
        contact = contact.localized if contact is not None else None
        context["contact_url"] = contact.get_url(request) if contact and contact.live else ""
        return context

    @property
    def footer_label(self):
        """What every page's footer says, as the RGAA asks: "Accessibility: partially compliant"."""
        labels = {
            Compliance.FULL: _("Accessibility: fully compliant"),
            Compliance.PARTIAL: _("Accessibility: partially compliant"),
            Compliance.NONE: _("Accessibility: not compliant"),
        }
        return labels.get(self.compliance, labels[Compliance.NONE])


@register_setting(icon="doc-full")
class LegalPagesSettings(BaseSiteSetting):
    """The pages every footer links to, chosen once; each reader gets their language's version."""

    legal_notice = models.ForeignKey(
        "legal.LegalPage",
        verbose_name=_("legal notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_policy = models.ForeignKey(
        "legal.LegalPage",
        verbose_name=_("privacy policy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_statement = models.ForeignKey(
        "legal.AccessibilityStatementPage",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        PageChooserPanel("legal_notice", "legal.LegalPage"),
        PageChooserPanel("privacy_policy", "legal.LegalPage"),
        PageChooserPanel("accessibility_statement", "legal.AccessibilityStatementPage"),
        PageChooserPanel("contact_page"),
    ]

    class Meta:
        verbose_name = _("legal pages in the footer")

    def footer_links(self):
        """(label, page) for each chosen page that is live, in the active language if it is
        translated and live, else in its own (a legal page must stay reachable)."""
        links = []
        for name, label in (
            ("legal_notice", None),
            ("privacy_policy", None),
            ("accessibility_statement", None),
            ("contact_page", _("Contact")),
        ):
            page = getattr(self, name)
            if page is None:
                continue
            page = page.localized.specific
            if not page.live:
                continue
            if name == "accessibility_statement":
                label = page.footer_label
            links.append((label or page.title, page))
        return links
