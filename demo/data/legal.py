"""The texts of the legal notice, the privacy policy and the accessibility statement.

They are placeholders to adapt: every passage in square brackets is marked "to complete" and
a notice at the top of each page says so.
"""

from legal.choices import Compliance

PLACEHOLDER = (
    "<p><b>Texte d’exemple à adapter avant la mise en ligne :</b> les passages entre "
    "crochets [À COMPLÉTER] sont à remplacer par l’association.</p>"
)
PLACEHOLDER_EN = (
    "<b>Sample text to adapt before going live:</b> the association must replace the passages "
    "in square brackets [TO COMPLETE]."
)


def _rich(*paragraphs):
    return {"type": "rich_text", "value": "".join(paragraphs)}


ILLUSTRATION_CREDIT = (
    "Les illustrations de démonstration sont dessinées par le code du portail "
    "(demo/illustrations) et versées au domaine public (CC0) : vous pouvez les réutiliser "
    "librement."
)

LEGAL_NOTICE = [
    _rich(PLACEHOLDER),
    _rich(
        "<h2>Éditeur du site</h2>",
        "<p>Les Halles Civiques, association régie par la loi du 1er juillet 1901, déclarée "
        "sous le numéro RNA [À COMPLÉTER : W75…], SIRET [À COMPLÉTER].</p>",
        "<p>Siège : Pavillon du Parc de Belleville, 27 rue Piat, 75020 Paris. Courriel : "
        "bonjour@halles-civiques.example. Téléphone : +33 1 00 00 00 00.</p>",
        "<p>Directrice ou directeur de la publication : [À COMPLÉTER : nom et qualité, "
        "en général la présidence de l’association].</p>",
        "<h2>Hébergement</h2>",
        "<p>[À COMPLÉTER : nom de l’hébergeur, adresse postale et téléphone.]</p>",
        "<h2>Propriété intellectuelle</h2>",
        "<p>Sauf mention contraire, les contenus de ce site sont publiés sous licence ouverte ; "
        "le code du portail est un logiciel libre (licence BSD-3-Clause).</p>",
        f"<p>{ILLUSTRATION_CREDIT}</p>",
        "<h2>Données personnelles</h2>",
        "<p>Ce que nous faisons de vos données est expliqué dans la page « Données "
        "personnelles », accessible en bas de chaque page.</p>",
    ),
]
LEGAL_NOTICE_EN = {
    "Mentions légales": "Legal notice",
    "mentions-legales": "legal-notice",
    "Qui publie ce site, et qui l’héberge.": "Who publishes this website, and who hosts it.",
    "Éditeur du site": "Publisher",
    "Les Halles Civiques, association régie par la loi du 1er juillet 1901, déclarée sous le "
    "numéro RNA [À COMPLÉTER : W75…], SIRET [À COMPLÉTER].": "Les Halles Civiques, an "
    "association under the French law of 1 July 1901, registered under RNA number "
    "[TO COMPLETE: W75…], SIRET [TO COMPLETE].",
    "Siège : Pavillon du Parc de Belleville, 27 rue Piat, 75020 Paris. Courriel : "
    "bonjour@halles-civiques.example. Téléphone : +33 1 00 00 00 00.": "Registered office: "
    "Pavillon du Parc de Belleville, 27 rue Piat, 75020 Paris, France. E-mail: "
    "bonjour@halles-civiques.example. Phone: +33 1 00 00 00 00.",
    "Directrice ou directeur de la publication : [À COMPLÉTER : nom et qualité, en général la "
    "présidence de l’association].": "Director of publication: [TO COMPLETE: name and "
    "position, usually the association's chair].",
    "Hébergement": "Hosting",
    "[À COMPLÉTER : nom de l’hébergeur, adresse postale et téléphone.]": "[TO COMPLETE: the "
    "host's name, postal address and phone number.]",
    "Propriété intellectuelle": "Intellectual property",
    "Sauf mention contraire, les contenus de ce site sont publiés sous licence ouverte ; le code "
    "du portail est un logiciel libre (licence BSD-3-Clause).": "Unless stated otherwise, the "
    "content of this website is published under an open licence; the portal's code is free "
    "software (BSD-3-Clause licence).",
    ILLUSTRATION_CREDIT: "The demo illustrations are drawn by the portal's own code "
    "(demo/illustrations) and dedicated to the public domain (CC0): you may reuse them freely.",
    "Données personnelles": "Personal data",
    "Ce que nous faisons de vos données est expliqué dans la page « Données personnelles », "
    "accessible en bas de chaque page.": "What we do with your data is explained on the "
    "“Privacy policy” page, linked at the bottom of every page.",
}

PRIVACY_POLICY = [
    _rich(PLACEHOLDER),
    _rich(
        "<h2>Qui est responsable de vos données</h2>",
        "<p>Les Halles Civiques (voir les mentions légales) sont responsables des traitements "
        "décrits ici. Pour toute question, ou pour exercer vos droits, écrivez à "
        "bonjour@halles-civiques.example ou passez par la page « Contact ». [À COMPLÉTER : "
        "délégué ou déléguée à la protection des données, s’il y en a.]</p>",
    ),
    {"type": "retention_table", "value": {"heading": "Ce que nous gardons, et combien de temps"}},
    _rich(
        "<h2>Sur quelle base</h2>",
        "<p>Votre consentement pour la lettre d’information : vous le donnez en confirmant "
        "votre inscription et le retirez en un clic. Votre demande pour les inscriptions aux "
        "événements, les demandes de salle, les propositions et les messages. Notre intérêt "
        "légitime pour la sécurité du site.</p>",
        "<h2>Qui les voit</h2>",
        "<p>Seule l’équipe des Halles Civiques. Nous ne vendons ni ne prêtons vos données. "
        "[À COMPLÉTER : l’outil d’envoi de la lettre d’information, s’il y en a un, et le "
        "pays où il garde les adresses.]</p>",
        "<h2>Vos droits</h2>",
        "<p>Vous pouvez obtenir une copie de vos données, les faire corriger ou effacer, vous "
        "opposer à leur utilisation ou en demander la limitation. Écrivez-nous : nous "
        "répondons sous un mois. Si vous estimez que vos droits ne sont pas respectés, vous "
        "pouvez adresser une réclamation à la CNIL (www.cnil.fr).</p>",
        "<h2>Cookies et mesure d’audience</h2>",
        "<p>Ce site ne dépose aucun cookie pour vous suivre : aucune bannière n’est donc "
        "nécessaire. Si la mesure d’audience est activée, elle se fait sans cookie, sur notre "
        "propre serveur, avec des adresses IP anonymisées, et relève de l’exemption de "
        "consentement prévue par la CNIL. Les formulaires utilisent un cookie de sécurité "
        "strictement nécessaire.</p>",
    ),
]
PRIVACY_POLICY_EN = {
    "Données personnelles": "Privacy policy",
    "donnees-personnelles": "privacy",
    "Ce que nous faisons des données que vous nous confiez.": (
        "What we do with the data you give us."
    ),
    "Qui est responsable de vos données": "Who is responsible for your data",
    "Les Halles Civiques (voir les mentions légales) sont responsables des traitements décrits "
    "ici. Pour toute question, ou pour exercer vos droits, écrivez à "
    "bonjour@halles-civiques.example ou passez par la page « Contact ». [À COMPLÉTER : délégué "
    "ou déléguée à la protection des données, s’il y en a.]": "Les Halles Civiques (see the "
    "legal notice) are responsible for the processing described here. For any question, or to "
    "exercise your rights, write to bonjour@halles-civiques.example or use the “Contact” "
    "page. [TO COMPLETE: data protection officer, if there is one.]",
    "Ce que nous gardons, et combien de temps": "What we keep, and for how long",
    "Sur quelle base": "On what basis",
    "Votre consentement pour la lettre d’information : vous le donnez en confirmant votre "
    "inscription et le retirez en un clic. Votre demande pour les inscriptions aux événements, "
    "les demandes de salle, les propositions et les messages. Notre intérêt légitime pour la "
    "sécurité du site.": "Your consent for the newsletter: you give it by confirming your "
    "subscription and withdraw it in one click. Your request for event registrations, room "
    "requests, proposals and messages. Our legitimate interest in the website's security.",
    "Qui les voit": "Who sees them",
    "Seule l’équipe des Halles Civiques. Nous ne vendons ni ne prêtons vos données. [À "
    "COMPLÉTER : l’outil d’envoi de la lettre d’information, s’il y en a un, et le pays où il "
    "garde les adresses.]": "Only the team of Les Halles Civiques. We neither sell nor lend "
    "your data. [TO COMPLETE: the tool that sends the newsletter, if any, and the country "
    "where it keeps the addresses.]",
    "Vos droits": "Your rights",
    "Vous pouvez obtenir une copie de vos données, les faire corriger ou effacer, vous opposer à "
    "leur utilisation ou en demander la limitation. Écrivez-nous : nous répondons sous un mois. "
    "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation "
    "à la CNIL (www.cnil.fr).": "You can get a copy of your data, have it corrected or erased, "
    "object to its use or ask for it to be restricted. Write to us: we answer within a month. "
    "If you think your rights are not respected, you can complain to the CNIL, the French "
    "data protection authority (www.cnil.fr).",
    "Cookies et mesure d’audience": "Cookies and audience figures",
    "Ce site ne dépose aucun cookie pour vous suivre : aucune bannière n’est donc nécessaire. Si "
    "la mesure d’audience est activée, elle se fait sans cookie, sur notre propre serveur, avec "
    "des adresses IP anonymisées, et relève de l’exemption de consentement prévue par la CNIL. "
    "Les formulaires utilisent un cookie de sécurité strictement nécessaire.": "This website "
    "sets no cookie to follow you, so no banner is needed. When audience figures are on, they "
    "are measured without cookies, on our own server, with anonymised IP addresses, under the "
    "CNIL's exemption from consent. Forms use one strictly necessary security cookie.",
}

ACCESSIBILITY_FIELDS = {
    "compliance": Compliance.PARTIAL,
    "rgaa_version": "4.1.2",
    "non_compliant_content": "<p>[À COMPLÉTER après l’audit : les critères non respectés et "
    "les pages concernées.]</p>",
    "exempt_content": "<p>Les cartes de l’annuaire et des festivals : chacune a une liste "
    "équivalente, utilisable au clavier et avec un lecteur d’écran.</p>",
    "technologies": "HTML5, CSS, JavaScript",
    "test_environment": "<p>[À COMPLÉTER : par exemple Firefox et NVDA sous Windows, Safari et "
    "VoiceOver sous macOS et iOS.]</p>",
    "evaluation_tools": "<p>axe-core et le validateur HTML du W3C, à chaque modification du "
    "code ; vérifications manuelles au clavier.</p>",
    "audited_pages": "<p>[À COMPLÉTER : accueil, annuaire, programme, une page d’événement, "
    "contact, recherche, mentions légales.]</p>",
}
ACCESSIBILITY_EN = {
    "Déclaration d’accessibilité": "Accessibility statement",
    "accessibilite": "accessibility",
    "[À COMPLÉTER après l’audit : les critères non respectés et les pages concernées.]": (
        "[TO COMPLETE after the audit: the criteria not met and the pages concerned.]"
    ),
    "Les cartes de l’annuaire et des festivals : chacune a une liste équivalente, utilisable au "
    "clavier et avec un lecteur d’écran.": "The maps of the directory and the festivals: each "
    "has an equivalent list that works with a keyboard and a screen reader.",
    "[À COMPLÉTER : par exemple Firefox et NVDA sous Windows, Safari et VoiceOver sous macOS et "
    "iOS.]": "[TO COMPLETE: for example Firefox and NVDA on Windows, Safari and VoiceOver on "
    "macOS and iOS.]",
    "axe-core et le validateur HTML du W3C, à chaque modification du code ; vérifications "
    "manuelles au clavier.": "axe-core and the W3C HTML checker on every change to the code; "
    "manual checks with the keyboard.",
    "[À COMPLÉTER : accueil, annuaire, programme, une page d’événement, contact, recherche, "
    "mentions légales.]": "[TO COMPLETE: home, directory, programme, an event page, contact, "
    "search, legal notice.]",
}


PLACEHOLDER_GLOSSARY = {
    "<b>Texte d’exemple à adapter avant la mise en ligne :</b> les passages entre crochets "
    "[À COMPLÉTER] sont à remplacer par l’association.": PLACEHOLDER_EN,
}
