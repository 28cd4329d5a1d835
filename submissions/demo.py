"""Demo: the page presenting the three proposal forms, and moderation of partner pages.

/fr/proposer/ and /en/submit/; the directory and programme indexes (both languages) use the
"Partner submissions" workflow created by this app's migration.
"""

from importlib import import_module

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
    from django.apps import apps
    from wagtail.models import WorkflowPage

    # The roles and the workflow come from a data migration; a flushed database (tests of
    # the live site, `manage.py flush`) has lost them, so put them back the same way.
    roles = import_module("submissions.migrations.0002_roles_and_workflow")
    roles.create_roles(apps, None)
    roles.create_workflow(apps, None)
    import_module("submissions.migrations.0003_snippet_roles").grant(apps, None)

    from directory.models import DirectoryIndexPage
    from programme.models import ProgrammePage

    from .models import SubmissionIndexPage
    from .services import partner_workflow

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
