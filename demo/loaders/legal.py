"""The legal notice, the privacy policy and the accessibility statement, in French and
English, linked from every footer through the "Legal pages in the footer" settings."""

import datetime as dt

from wagtail.models import Site

from legal.models import AccessibilityStatementPage, LegalPage, LegalPagesSettings

from ..data import legal as data


def load(demo):
    legal_notice = demo.child_page(
        demo.home_fr,
        LegalPage,
        "mentions-legales",
        {**data.LEGAL_NOTICE_EN, **data.PLACEHOLDER_GLOSSARY},
        title="Mentions légales",
        introduction="Qui publie ce site, et qui l’héberge.",
        body=data.LEGAL_NOTICE,
    )
    privacy_policy = demo.child_page(
        demo.home_fr,
        LegalPage,
        "donnees-personnelles",
        {**data.PRIVACY_POLICY_EN, **data.PLACEHOLDER_GLOSSARY},
        title="Données personnelles",
        introduction="Ce que nous faisons des données que vous nous confiez.",
        body=data.PRIVACY_POLICY,
    )
    statement = demo.child_page(
        demo.home_fr,
        AccessibilityStatementPage,
        "accessibilite",
        data.ACCESSIBILITY_EN,
        title="Déclaration d’accessibilité",
        statement_date=dt.date(2026, 11, 30),
        **data.ACCESSIBILITY_FIELDS,
    )
    site = Site.objects.get(is_default_site=True)
    settings = LegalPagesSettings.for_site(site)
    if settings.legal_notice_id is None:
        settings.legal_notice = legal_notice
        settings.privacy_policy = privacy_policy
        settings.accessibility_statement = statement
        settings.save()
        demo.note("LegalPagesSettings")
    return settings
