"""The app's models, for Django: the partner's submission and the page of the forms."""

from .pages import SubmissionIndexPage
from .partners import Partner
from .proposals import Submission

__all__ = ["Partner", "Submission", "SubmissionIndexPage"]
