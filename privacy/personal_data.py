"""Places that are no feature's own but may still mention an address: the outbox's stored
e-mails (every app that writes to people stores its e-mails there: an e-mail is found by its
recipients, its headers such as Reply-To, or its text), the audit log and the finished
background tasks (a failed e-mail's traceback can quote its recipient)."""

import datetime as dt

from django.apps import apps
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import registry as log_registry

from outbox.models import OutgoingEmail

from .registry import PersonalDataSource, register

ERASED = "[erased]"


@register
class AuditLogMentions(PersonalDataSource):
    key = "audit_log"
    label = _("Mentions in the audit log")
    purpose = _("The admin's history of changes, kept to know who did what.")
    retention_rule = ""
    order = 900

    def _models(self):
        return sorted(log_registry.get_log_entry_models(), key=lambda model: model.__name__)

    def find(self, email):
        records = []
        for model in self._models():
            mentions = Q(label__icontains=email) | Q(data__icontains=email)
            records += list(model.objects.filter(mentions).order_by("pk"))
        return records

    def describe(self, record):
        return f"{timezone.localtime(record.timestamp):%Y-%m-%d %H:%M} · {record.action}"

    def export(self, record):
        return {
            "timestamp": record.timestamp.isoformat(),
            "action": record.action,
            "label": record.label,
        }

    def erase(self, email):
        # The entry stays (who did what, when); what named the person goes.
        records = self.find(email)
        for record in records:
            record.label = ERASED
            record.data = {}
            record.save(update_fields=["label", "data"])
        return len(records)


@register
class FinishedTaskMentions(PersonalDataSource):
    key = "task_results"
    label = _("Mentions in finished background tasks")
    purpose = _("The record of background work (e-mails sent), kept to find faults.")
    retention_rule = ""
    order = 910

    def _model(self):
        if not apps.is_installed("django_tasks_db"):
            return None
        # Imported only when installed: the test settings run tasks without the database queue.
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult

    def find(self, email):
        model = self._model()
        if model is None:
            return []
        mentions = (
            Q(args_kwargs__icontains=email)
            | Q(traceback__icontains=email)
            | Q(return_value__icontains=email)
        )
        return list(model.objects.filter(mentions, finished_at__isnull=False).order_by("pk"))

    def describe(self, record):
        return f"{record.task_path} · {record.status}"

    def export(self, record):
        return {"task": record.task_path, "status": record.status}


@register
class StoredEmails(PersonalDataSource):
    key = "emails"
    label = _("E-mails sent by the portal")
    purpose = _("A copy of each e-mail the portal sends, kept to resend it if delivery fails.")
    retention_rule = _("Copies are erased %(period)s after they were written.")
    default_retention_days = 90
    order = 800  # after the records the e-mails are about

    def _model(self):
        return OutgoingEmail

    def find(self, email):
        mentions = (
            Q(recipients__icontains=email)
            | Q(subject__icontains=email)
            | Q(body__icontains=email)
            | Q(html_body__icontains=email)
            | Q(headers__icontains=email)
        )
        return list(self._model().objects.filter(mentions).order_by("pk"))

    def describe(self, record):
        sent = f"{timezone.localtime(record.sent_at):%Y-%m-%d}" if record.sent_at else "—"
        return f"{record.subject} · {sent}"

    def export(self, record):
        return {
            "to": record.recipients,
            "subject": record.subject,
            "body": record.body,
            "written": record.created.isoformat(),
            "sent": record.sent_at.isoformat() if record.sent_at else None,
        }

    def expire(self, now):
        cutoff = now - dt.timedelta(days=self.retention_days())
        deleted, _by_model = self._model().objects.filter(created__lt=cutoff).delete()
        return deleted
