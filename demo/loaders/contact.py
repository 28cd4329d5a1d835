"""The contact page (/fr/contact/, /en/contact/) with its four fields, linked from every
footer. Messages go to the halls' demo address."""

from wagtail.models import Site

from contact.models import ContactFormField, ContactPage
from legal.models import LegalPagesSettings

from ..data import contact as data


def load(demo):
    page = ContactPage.objects.child_of(demo.home_fr).filter(slug="contact").first()
    fields = None
    if page is None:
        fields = [
            ContactFormField(
                label=label,
                field_type=field_type,
                required=required,
                choices=choices,
                help_text=help_text,
                sort_order=order,
            )
            for order, (label, field_type, required, choices, help_text) in enumerate(data.FIELDS)
        ]
    page = demo.child_page(
        demo.home_fr,
        ContactPage,
        "contact",
        data.GLOSSARY,
        title="Contact",
        introduction=data.INTRODUCTION,
        thank_you_text=data.THANK_YOU,
        to_address="bonjour@halles-civiques.example",
        **({"form_fields": fields} if fields else {}),
    )
    settings = LegalPagesSettings.for_site(Site.objects.get(is_default_site=True))
    if settings.contact_page_id is None:
        settings.contact_page = page
        settings.save()
        demo.note("LegalPagesSettings contact page")
