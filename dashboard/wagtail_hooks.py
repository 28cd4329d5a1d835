"""The admin in the network's colours and words: dashboard panels, branding stylesheet, and
workflow names shown in the editor's language."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_noop
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem

from .panels import panels_for

# Names that Wagtail's and our migrations store in the database, in English; the admin shows
# them through the catalogue (locale/fr), so French editors read French names.
WORKFLOW_NAMES = (
    gettext_noop("Moderators approval"),
    gettext_noop("Partner submissions"),
    gettext_noop("Partner submission review"),
)


@hooks.register("construct_homepage_panels")
def add_waiting_panels(request, panels):
    panels.extend(panels_for(request))


@hooks.register("insert_global_admin_css")
def brand_stylesheet():
    return format_html('<link rel="stylesheet" href="{}">', static("dashboard/admin.css"))


class TranslatedSubmitMenuItem(SubmitForModerationMenuItem):
    """ "Submit to <workflow>" and "Resubmit to <task>" with the name in the editor's language."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page else None
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            task_name = state.current_task_state.task.name
            context["label"] = gettext("Resubmit to %(task_name)s") % {
                "task_name": gettext(task_name)
            }
            return context
        workflow_page = page if page and page.pk else context.get("parent_page")
        workflow = workflow_page.get_workflow() if workflow_page else None
        if workflow:
            context["label"] = gettext("Submit to %(workflow_name)s") % {
                "workflow_name": gettext(workflow.name)
            }
        return context


@hooks.register("construct_page_action_menu")
def translate_workflow_names(menu_items, request, context):
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = TranslatedSubmitMenuItem(order=item.order)
