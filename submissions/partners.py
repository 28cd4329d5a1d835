"""A partner: the e-mail address their proposals were sent from, with what a partner space
needs around it. No Django user: a partner signs in with a link sent to that address.

Each kind of link has a nonce of its own (see publicforms.links): the sign-in link's is
rotated when it is used (a sign-in link works once), the session's when the partner signs
out (every session ends), the reminder's when a new reminder goes out.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from publicforms.links import new_nonce

from .proposals import Submission


def normalise(email):
    return (email or "").strip().lower()


def from_address(queryset, email, field="email"):
    """The rows of `queryset` whose `field` is `email`, whatever its case.

    Compared exactly after lowering, never with `iexact`: PostgreSQL's UPPER() folds letters
    such as the dotless ı into I, so `bob@gmaıl.com` (a different mailbox, another domain)
    would match `bob@gmail.com` and receive its sign-in link. SQLite lowers ASCII only: a
    non-ASCII capital then finds nothing, which fails closed.
    """
    return queryset.annotate(address_key=Lower(field)).filter(address_key=normalise(email))


class Partner(models.Model):
    email = models.EmailField(_("e-mail"), max_length=254, unique=True)
    signin_nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    session_nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    reminder_nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    last_signed_in = models.DateTimeField(_("last signed in"), null=True, blank=True)
    last_reminded = models.DateTimeField(
        _("last reminded"),
        null=True,
        blank=True,
        help_text=_("When we last asked this partner to confirm their listings."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    # The e-mails sent to this partner (deleted with the row).
    emails = GenericRelation(
        "outbox.OutgoingEmail", content_type_field="about_type", object_id_field="about_id"
    )

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.email

    @classmethod
    def for_email(cls, email):
        partner, _created = cls.objects.get_or_create(email=normalise(email))
        return partner

    def submissions(self):
        """Every proposal sent from this address, whatever its case."""
        return from_address(Submission.objects.all(), self.email)

    def rotate(self, field):
        setattr(self, field, new_nonce())
        self.save(update_fields=[field])


def is_known(email):
    """Whether anything was ever proposed from this address."""
    return from_address(Submission.objects.all(), email).exists()
