"""What an event offers people with disabilities: facts readers filter the programme by, and
words for the rest."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class AccessibilityMixin(models.Model):
    """The accessibility fields of an event page and their panel."""

    step_free_access = models.BooleanField(
        _("step-free access"),
        default=False,
        help_text=_("Tick if a wheelchair user can reach the event without steps."),
    )
    sign_language = models.BooleanField(
        _("sign language interpretation"),
        default=False,
        help_text=_("Tick if French Sign Language interpretation is provided."),
    )
    easy_to_read = models.BooleanField(
        _("easy-to-read materials"),
        default=False,
        help_text=_("Tick if documents are available in easy-to-read French (FALC)."),
    )
    induction_loop = models.BooleanField(
        _("induction loop"),
        default=False,
        help_text=_("Tick if an induction loop for hearing aids is available."),
    )
    accessibility_info = models.TextField(
        _("accessibility information"),
        blank=True,
        help_text=_(
            "Anything else a disabled person needs to know: entrance, lift, toilets, seating."
        ),
    )
    accessibility_panels = [
        MultiFieldPanel(
            [
                FieldPanel("step_free_access"),
                FieldPanel("sign_language"),
                FieldPanel("easy_to_read"),
                FieldPanel("induction_loop"),
                FieldPanel("accessibility_info"),
            ],
            heading=_("Accessibility"),
        ),
    ]

    class Meta:
        abstract = True

    @property
    def accessibility_features(self):
        fields = ("step_free_access", "sign_language", "easy_to_read", "induction_loop")
        return [self._meta.get_field(name).verbose_name for name in fields if getattr(self, name)]
