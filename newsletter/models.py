"""The app's models, for Django: the newsletter's subscribers."""

from .subscribers import Subscriber

__all__ = ["Subscriber"]
