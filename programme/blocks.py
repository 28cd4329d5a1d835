"""Programme blocks that extend the shared block library."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .events import EventPage
from .queries import upcoming_occurrences


class UpcomingEventsBlock(blocks.StructBlock):
    """The next events of the programme, computed when the page is shown."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    count = blocks.IntegerBlock(label=_("Number of events"), min_value=1, max_value=12, default=3)

    class Meta:
        icon = "date"
        label = _("Upcoming events")
        template = "blocks/upcoming_events_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        events = EventPage.objects.listed()
        request = (parent_context or {}).get("request")
        context["occurrences"] = upcoming_occurrences(events, limit=value["count"], request=request)
        return context
