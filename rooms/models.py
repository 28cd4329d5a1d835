"""Room hire: the public pages that present the halls' rooms, hire requests and room calendars.

The rooms themselves are the programme's `Room` snippet (name, capacity, access); a
`RoomPage` adds what a hirer needs (photos, equipment, conditions, prices) and is translated
with wagtail-localize like any page. Requests and calendar tokens hang on the room in the
source language, so the French and English pages share one calendar.
"""

import secrets
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import RICH_TEXT_FEATURES

from .choices import RequestStatus


def new_nonce():
    return secrets.token_hex(16)


def new_calendar_token():
    return secrets.token_urlsafe(32)


class RoomsIndexPage(RoutablePageMixin, Page):
    """The rooms for hire (/fr/salles/, /en/rooms/), the request form and the status pages."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=800)
    conditions = RichTextField(
        _("conditions for civic organisations"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Who may hire a room, how to book, what is included; shown on every room."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("conditions")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["rooms.RoomPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("rooms for hire")

    @path("")
    def listing(self, request):
        return self.render(request)

    @path("request/", name="request")
    def request_form(self, request):
        from .views import request_form

        return request_form(request, self)

    @path("request/<str:token>/", name="status")
    def status(self, request, token):
        from .views import request_status

        return request_status(request, self, token)

    def room_pages(self):
        return (
            RoomPage.objects.child_of(self)
            .live()
            .public()
            .select_related("room", "locale")
            .prefetch_related("photos__image")
            .order_by("path")
        )

    def request_url(self, room_page=None):
        url = self.url + self.reverse_subpage("request")
        if room_page is not None and room_page.room_id:
            url += f"?room={room_page.room.slug}"
        return url

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["room_pages"] = self.room_pages()
        return context


class RoomPage(Page):
    """One room for hire: photos, capacity, equipment, access, conditions and prices."""

    room = models.ForeignKey(
        "programme.Room",
        verbose_name=_("room"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Capacity and access information come from the room."),
    )
    introduction = models.CharField(_("introduction"), max_length=300, blank=True)
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    equipment = models.TextField(
        _("equipment"), blank=True, help_text=_("One item per line, e.g. “Video projector”.")
    )
    hire_conditions = RichTextField(
        _("conditions of this room"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What differs from the general conditions: hours, layout, cleaning..."),
    )
    available_for_hire = models.BooleanField(_("available for hire"), default=True)
    price_half_day = models.DecimalField(
        _("price per half day (€)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    price_day = models.DecimalField(
        _("price per day (€)"), max_digits=7, decimal_places=2, null=True, blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("room"),
        FieldPanel("introduction"),
        InlinePanel("photos", heading=_("Photos"), label=_("photo")),
        FieldPanel("description"),
        FieldPanel("equipment"),
        MultiFieldPanel(
            [
                FieldPanel("available_for_hire"),
                FieldRowPanel([FieldPanel("price_half_day"), FieldPanel("price_day")]),
                FieldPanel("hire_conditions"),
            ],
            heading=_("Hire by civic organisations"),
            help_text=_("Leave the prices empty to show “on request”."),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("description"),
        index.SearchField("equipment"),
    ]
    override_translatable_fields = [
        TranslatableField("introduction"),
        TranslatableField("description"),
        TranslatableField("equipment"),
        TranslatableField("hire_conditions"),
        SynchronizedField("room", overridable=False),
        SynchronizedField("available_for_hire", overridable=False),
        SynchronizedField("price_half_day", overridable=False),
        SynchronizedField("price_day", overridable=False),
    ]

    parent_page_types = ["rooms.RoomsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("room page")
        verbose_name_plural = _("room pages")

    def clean(self):
        super().clean()
        for name in ("price_half_day", "price_day"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValidationError({name: _("A price cannot be negative.")})

    @property
    def localized_room(self):
        return self.room.localized if self.room_id else None

    @property
    def capacity(self):
        return self.room.capacity if self.room_id else None

    @property
    def equipment_list(self):
        return [line.strip() for line in self.equipment.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index_page = self.get_parent().specific
        context["index_page"] = index_page
        context["request_url"] = index_page.request_url(self) if self.available_for_hire else ""
        return context


class RoomPhoto(TranslatableMixin, Orderable):
    """A photo of the room; the caption (its alternative text too) is translated."""

    page = ParentalKey(RoomPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(
        _("caption"), max_length=250, help_text=_("Shown under the photo; describe what it shows.")
    )

    panels = [FieldPanel("image"), FieldPanel("caption")]
    override_translatable_fields = [
        TranslatableField("caption"),
        SynchronizedField("image", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class RoomRequest(models.Model):
    """A civic organisation's request to hire a room, kept from the public.

    `room` is the room in the source language (French and English forms share one calendar);
    `language` is the requester's, for the e-mails and the status page.
    """

    room = models.ForeignKey(
        "programme.Room",
        verbose_name=_("room"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="hire_requests",
    )
    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("directory entry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_name = models.CharField(_("organisation"), max_length=150)
    contact_name = models.CharField(_("contact name"), max_length=150)
    email = models.EmailField(_("e-mail"), max_length=254)
    purpose = models.TextField(_("purpose"), max_length=2000)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    attendance = models.PositiveIntegerField(_("expected attendance"))
    needs = models.TextField(_("needs"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RequestStatus.choices,
        default=RequestStatus.PENDING,
        db_index=True,
    )
    staff_comment = models.TextField(
        _("message to the requester"),
        max_length=2000,
        blank=True,
        help_text=_("Sent with the confirmation or the refusal."),
    )
    language = models.CharField(_("language"), max_length=8, default="fr")
    link_nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    idempotency_token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    origin_ip_hash = models.CharField(_("origin (hashed address)"), max_length=64, blank=True)
    created = models.DateTimeField(_("received"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("room hire request")
        verbose_name_plural = _("room hire requests")
        ordering = ["-created"]
        indexes = [models.Index(fields=["room", "status", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="rooms_request_end_after_start"
            )
        ]

    def __str__(self):
        return f"{self.organisation_name} — {self.room or '?'}"

    @property
    def over_capacity(self):
        """True when more people are expected than the room holds."""
        capacity = self.room.capacity if self.room_id else None
        return capacity is not None and self.attendance > capacity

    def capacity_display(self):
        if self.over_capacity:
            return _("⚠ %(attendance)s expected, room holds %(capacity)s") % {
                "attendance": self.attendance,
                "capacity": self.room.capacity,
            }
        return _("OK")

    capacity_display.short_description = _("capacity")

    def revoke_link(self):
        """Rotate the nonce: every private link sent so far stops working."""
        self.link_nonce = new_nonce()
        self.save(update_fields=["link_nonce", "updated"])


class RoomFeed(models.Model):
    """The secret address of a room's private calendar; staff replace it when it leaks."""

    room = models.OneToOneField(
        "programme.Room", verbose_name=_("room"), on_delete=models.CASCADE, related_name="feed"
    )
    calendar_token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("room calendar feed")

    def __str__(self):
        return str(self.room)

    def regenerate(self):
        self.calendar_token = new_calendar_token()
        self.save(update_fields=["calendar_token", "updated"])
