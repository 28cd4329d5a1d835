"""Moderators' view of partner submissions: origin, likely duplicates, and the decline action.

Approving and requesting changes happen on the page itself, through Wagtail's workflow; a
submission's status follows (see signals.py).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .choices import Status
from .proposals import Submission
from .services import decline_submission


class SubmissionViewSet(SnippetViewSet):
    model = Submission
    icon = "mail"
    menu_label = _("Proposals")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "kind", "status", "email", "origin", "duplicates_display", "created"]
    list_filter = ["status", "kind", "language"]
    search_fields = ["title", "email", "website"]
    ordering = ["-created"]
    copy_view_enabled = False
    inspect_view_enabled = True
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("kind", read_only=True),
                FieldPanel("title", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("website", read_only=True),
                FieldPanel("language", read_only=True),
                FieldPanel("page", read_only=True),
                FieldPanel("origin_ip_hash", read_only=True),
                FieldPanel("user_agent", read_only=True),
            ],
            heading=_("Proposal"),
        ),
        FieldPanel("status"),
        FieldPanel("moderator_comment"),
    ]


register_snippet(SubmissionViewSet)


@hooks.register("after_edit_snippet")
def decline_when_status_set(request, instance):
    """Setting a submission to "declined" stops its moderation and e-mails the partner."""
    if not isinstance(instance, Submission):
        return
    if instance.status == Status.DECLINED and instance._loaded_status != Status.DECLINED:
        decline_submission(instance, user=request.user)


@hooks.register("register_log_actions")
def register_partner_log_actions(actions):
    actions.register_action(
        "submissions.withdrawn",
        _("Withdrawal by the partner"),
        _("Withdrawn by its partner from the partner space"),
    )
