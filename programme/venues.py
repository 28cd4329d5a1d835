"""Where an event happens: a room of the halls, at the halls' address, or an outside venue."""

from functools import cached_property

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from navigation.models import SiteSettings

from .rooms import Room


class VenueMixin(models.Model):
    """The place of an event page: its fields and their panel, and the place in the page's
    language (listings set these in bulk)."""

    room = models.ForeignKey(
        "programme.Room",
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_(
            "The room of the halls where it takes place; leave empty for an outside venue."
        ),
    )
    venue_name = models.CharField(
        _("venue name"),
        max_length=150,
        blank=True,
        help_text=_(
            "For an event outside the halls: the place's name, e.g. “Pelouses du belvédère”."
        ),
    )
    venue_address = models.CharField(
        _("address"),
        max_length=250,
        blank=True,
        help_text=_("Street and number of the outside venue."),
    )
    venue_city = models.CharField(
        _("city"), max_length=100, blank=True, help_text=_("City of the outside venue.")
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Decimal degrees, e.g. 48.8715; places the venue on the festival map."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Decimal degrees, e.g. 2.3846."),
    )
    venue_panels = [
        MultiFieldPanel(
            [
                FieldPanel("room"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("venue_city"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Place"),
            help_text=_("A room of the halls, or an outside venue."),
        ),
    ]

    class Meta:
        abstract = True

    @cached_property
    def localized_room(self):
        return Room.localized_for(self)

    @property
    def place_name(self):
        room = self.localized_room
        return room.name if room else self.venue_name

    @cached_property
    def hall_address(self):
        """The halls' address, from the site's settings (set in bulk for listings)."""
        url_parts = self.get_url_parts()  # the site's id without reading the site itself
        return SiteSettings.for_site_id(url_parts[0]).address_line if url_parts else ""

    def geocoding_query(self):
        """An outside venue's address for the geocoder; "" in the halls (placed already)."""
        if self.room_id or not (self.venue_address or self.venue_city):
            return ""
        return " ".join(part for part in (self.venue_address, self.venue_city) if part)

    @property
    def place_address(self):
        if self.room_id or not self.venue_name:
            return self.hall_address
        return ", ".join(part for part in (self.venue_address, self.venue_city) if part)
