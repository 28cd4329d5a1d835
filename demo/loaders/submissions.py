"""The page presenting the three proposal forms (/fr/proposer/, /en/submit/), and moderation of
partner pages: the directory and programme indexes use the "Partner submissions" workflow."""

from importlib import import_module

from django.apps import apps
from wagtail.models import WorkflowPage

from directory.models import DirectoryIndexPage
from programme.models import ProgrammePage
from submissions.models import SubmissionIndexPage
from submissions.services import partner_workflow

# Data migrations' module names start with a digit: only import_module can load them.
ROLES = "submissions.migrations.0002_roles_and_workflow"
SNIPPET_ROLES = "submissions.migrations.0003_snippet_roles"

INTRODUCTION = (
    "Votre organisation, un lieu qui vous inspire ou un événement ouvert à toutes et tous : "
    "proposez-les au portail. Notre équipe relit chaque proposition avant publication."
)
GLOSSARY = {
    "Proposer": "Submit",
    "proposer": "submit",
    INTRODUCTION: (
        "Your organisation, a place that inspires you or an event open to everyone: propose "
        "them to the portal. Our team reads every proposal before it is published."
    ),
}


def load(demo):
    # The roles and the workflow come from a data migration; a flushed database (tests of
    # the live site, `manage.py flush`) has lost them, so put them back the same way.
    roles = import_module(ROLES)
    roles.create_roles(apps, None)
    roles.create_workflow(apps, None)
    import_module(SNIPPET_ROLES).grant(apps, None)

    demo.child_page(
        demo.home_fr,
        SubmissionIndexPage,
        "proposer",
        GLOSSARY,
        title="Proposer",
        introduction=INTRODUCTION,
    )
    workflow = partner_workflow()
    if workflow is None:
        return
    for index_class in (DirectoryIndexPage, ProgrammePage):
        for index in index_class.objects.all():
            _assigned, created = WorkflowPage.objects.get_or_create(
                page=index, defaults={"workflow": workflow}
            )
            if created:
                demo.note(f"Workflow {workflow.name} on {index.url_path}")
