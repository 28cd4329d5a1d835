"""The app's models, for Django: the contact page, its fields and the messages sent."""

from .messages import ContactMessage
from .pages import ContactFormField, ContactPage

__all__ = ["ContactFormField", "ContactMessage", "ContactPage"]
