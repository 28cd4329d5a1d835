"""Room hire's public pages: the rooms for hire (with the request form and status pages as
routes, handled in views.py) and one page per room; photos are translated with the page.

The rooms themselves are the programme's `Room` snippet (name, capacity, access); a
`RoomPage` adds what a hirer needs (photos, equipment, conditions, prices) and is translated
with wagtail-localize like any page.
"""

from functools import cached_property

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

from programme.models import Room
from streamblocks.blocks import RICH_TEXT_FEATURES

from . import views


class RoomsIndexPage(RoutablePageMixin, Page):
    """The rooms for hire (/fr/salles/, /en/rooms/), the request form and the status pages."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=800,
        help_text=_("A few sentences at the top of the rooms page and in search results."),
    )
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
        return views.request_form(request, self)

    @path("request/<str:token>/", name="status")
    def status(self, request, token):
        return views.request_status(request, self, token)

    def room_pages(self):
        return (
            RoomPage.objects.child_of(self)
            .live()
            .public()
            .select_related("room", "locale")
            .prefetch_related("photos__image__renditions")
            .order_by("path")
        )

    def hireable_rooms(self):
        """The rooms of this page's language that a live room page offers for hire."""
        offered = RoomPage.objects.live().filter(available_for_hire=True, room__isnull=False)
        keys = {page.room.translation_key for page in offered.select_related("room")}
        return Room.objects.filter(locale=self.locale, translation_key__in=keys)

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
    introduction = models.CharField(
        _("introduction"),
        max_length=300,
        blank=True,
        help_text=_("One sentence shown under the room's name, in lists and link previews."),
    )
    description = RichTextField(
        _("description"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the room is like and what it suits."),
    )
    equipment = models.TextField(
        _("equipment"), blank=True, help_text=_("One item per line, e.g. “Video projector”.")
    )
    hire_conditions = RichTextField(
        _("conditions of this room"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What differs from the general conditions: hours, layout, cleaning..."),
    )
    available_for_hire = models.BooleanField(
        _("available for hire"),
        default=True,
        help_text=_("Untick to show the room without offering it for hire."),
    )
    price_half_day = models.DecimalField(
        _("price per half day (€)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("In euros, for civic organisations."),
    )
    price_day = models.DecimalField(
        _("price per day (€)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("In euros, for civic organisations."),
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

    @cached_property
    def localized_room(self):
        return Room.localized_for(self)

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
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A landscape photo of the room, at least 1200 pixels wide."),
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
