"""A block for the privacy policy: the table of what is kept, why and for how long.

It reads the registry and the retention settings at display time, so the policy always says
what the portal really does.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from . import registry


class RetentionTableBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)

    class Meta:
        icon = "table"
        label = _("Table of personal data kept")
        template = "privacy/blocks/retention_table_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["sources"] = [source for source in registry.sources() if source.retention_rule]
        return context
