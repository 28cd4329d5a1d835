"""What an event links to (its themes and organisers), in the event's language."""

from functools import cached_property


class LinkedMixin:
    """The themes and organisers of an EventPage, as its page shows them."""

    def _linked_pages(self, field_name):
        """The pages a ParentalManyToManyField links to: their ids first, in a light query
        on the link table, and their rows (every column of two tables) only when there are
        some; most events name no organiser. A preview's choice is in memory: read there."""
        if field_name in getattr(self, "_cluster_related_objects", {}) or not self.pk:
            return list(getattr(self, field_name).all())
        field = self._meta.get_field(field_name)
        ids = list(
            field.remote_field.through.objects.filter(
                **{field.m2m_field_name(): self.pk}
            ).values_list(field.m2m_reverse_field_name(), flat=True)
        )
        return list(field.related_model.objects.filter(pk__in=ids)) if ids else []

    def _localized(self, manager, objects=None):
        """Objects of a many-to-many field in the page's language (stored in the source's);
        `objects`, when given, are that field's objects, already read."""
        objects = list(manager.all()) if objects is None else objects
        if all(obj.locale_id == self.locale_id for obj in objects):
            return objects  # chosen in the page's own language (always so in the source's)
        model = type(objects[0])
        keys = [obj.translation_key for obj in objects]
        found = {
            obj.translation_key: obj
            for obj in model.objects.filter(translation_key__in=keys, locale_id=self.locale_id)
        }
        return [found.get(obj.translation_key, obj) for obj in objects]

    @property
    def localized_themes(self):
        return self._localized(self.themes)

    @cached_property
    def localized_organisers(self):
        """Live organisers in the page's language (set in bulk by queries.attach_organisers)."""
        organisers = self._linked_pages("organisers")
        return [page for page in self._localized(self.organisers, organisers) if page.live]
