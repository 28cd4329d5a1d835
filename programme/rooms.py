from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pagecache.requestmemo import remembered


class Room(TranslatableMixin, index.Indexed, models.Model):
    """A room of the halls where events take place, with what visitors need to know to get in."""

    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("As readers know it, e.g. “Salle du belvédère”; shown in the programme."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        help_text=_("Used in filter addresses; the same in every language."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Largest number of people the room holds."),
    )
    access_information = models.TextField(
        _("access information"),
        blank=True,
        help_text=_("How to get to the room: entrance, stairs, lift, toilets..."),
    )
    step_free_access = models.BooleanField(
        _("step-free access"),
        default=False,
        help_text=_("Tick if a wheelchair user can reach the room without steps."),
    )
    induction_loop = models.BooleanField(
        _("induction loop"),
        default=False,
        help_text=_("Tick if the room has an induction loop for hearing aids."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("capacity"),
        MultiFieldPanel(
            [
                FieldPanel("step_free_access"),
                FieldPanel("induction_loop"),
                FieldPanel("access_information"),
            ],
            heading=_("Accessibility"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [
        TranslatableField("name"),
        TranslatableField("access_information"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("capacity", overridable=False),
        SynchronizedField("step_free_access", overridable=False),
        SynchronizedField("induction_loop", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="programme_room_unique_slug")
        ]

    def __str__(self):
        return self.name

    @classmethod
    def localized_for(cls, instance, field_name="room"):
        """`instance.<field_name>.localized` in one query in every language.

        Wagtail's `localized` reads the room, then (in another language than the room's) its
        translation: English pages ran one query more than French ones. Here the room's
        translations are read together, and the room itself is kept on `instance`, so that
        reading `instance.room` afterwards costs nothing."""
        field = type(instance)._meta.get_field(field_name)
        room_id = getattr(instance, field.attname)
        if room_id is None:
            return None
        active = Locale.get_active()
        if field.is_cached(instance):  # already read: its translation among the request's rooms
            room = getattr(instance, field_name)
            return (
                room
                if room.locale_id == active.pk
                else rooms_of(active).get(room.translation_key, room)
            )
        keys = cls.objects.filter(pk=room_id).values("translation_key")
        rooms = cls.objects.filter(translation_key__in=keys)
        translations = {room.locale_id: room for room in rooms}
        original = next((room for room in translations.values() if room.pk == room_id), None)
        if original is None:
            return None
        field.set_cached_value(instance, original)
        return translations.get(active.pk, original)


def rooms_of(locale):
    """The halls' rooms in `locale` by translation key, by name, read once per request (the
    filters' choices, the listings and the pages of the request share them)."""
    return remembered(
        ("programme-rooms", locale.pk),
        lambda: {room.translation_key: room for room in Room.objects.filter(locale=locale)},
    )
