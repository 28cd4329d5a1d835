"""Demo data of the halls' own pages: home, about, visiting, renting a room; footer, settings.

Facts (the Pavillon du Parc de Belleville, 650 m², 45,000 m² of park, the three-year
agreement with the City of Paris, the September 2018 festival) come from the project's
background texts; the wording is ours.
"""

# French source string -> English translation, as wagtail-localize segments them.
HOME_GLOSSARY = {
    "Accueil": "Home",
    "accueil": "home",
    "Le laboratoire de la démocratie participative, à Belleville": (
        "A laboratory for participatory democracy, in Belleville"
    ),
    "Associations, start-up civiques, chercheurs et agents publics partagent un même toit "
    "pour inventer avec les habitants une vie démocratique plus riche.": (
        "Associations, civic start-ups, researchers and public servants share one roof to "
        "invent a richer democratic life together with local residents."
    ),
    "Venir nous voir": "Visit us",
    "Louer une salle": "Rent a room",
    "Les Halles Civiques occupent l’ancienne Maison de l’air, sous le belvédère du parc de "
    "Belleville : 650 m² d’espaces de travail, de débat et de réunion, un café citoyen et "
    "45 000 m² de verdure avec l’une des plus belles vues sur Paris.": (
        "Les Halles Civiques occupy the former Maison de l’air, below the Belleville "
        "belvedere: 650 m² of space to work, debate and meet, a citizens’ café and "
        "45,000 m² of greenery with one of the finest views over Paris."
    ),
    "Le lieu est né de la rencontre de deux communautés, l’innovation publique et "
    "l’innovation démocratique, lauréates d’un appel à projets de la Ville de Paris.": (
        "The place grew out of two communities, public innovation and democratic "
        "innovation, who joined forces and won a call for projects from the City of Paris."
    ),
    "Prochains rendez-vous": "Coming up",
    "Vous portez un projet civique ?": "Do you run a civic project?",
    "Nos salles se louent à petit prix aux associations et aux projets d’intérêt général.": (
        "Our rooms are rented at a low price to associations and public-interest projects."
    ),
    "Découvrir les salles": "See the rooms",
}

PAGES = [
    {
        "slug": "a-propos",
        "title": "À propos",
        "introduction": "Un réseau de tiers-lieux pour une démocratie plus inventive, du quartier "
        "à l’échelle internationale.",
        "paragraphs": [
            "Les Halles Civiques rassemblent des organisations qui travaillent sur le pouvoir "
            "d’agir des citoyens, l’innovation publique et le progrès démocratique : chercheurs, "
            "designers, innovateurs sociaux, entrepreneurs.",
            "La Ville de Paris met le pavillon à disposition pour trois ans et a accompagné "
            "l’installation par une subvention de 50 000 euros ; les résidents financent "
            "eux-mêmes leurs activités.",
            "En septembre 2018, le festival « Festives Halles Civiques » a invité les habitants à "
            "découvrir ces travaux de manière ludique.",
        ],
        "en": {
            "À propos": "About us",
            "a-propos": "about",
            "Un réseau de tiers-lieux pour une démocratie plus inventive, du quartier à "
            "l’échelle internationale.": "A network of third places for a more inventive "
            "democracy, from the neighbourhood to the international stage.",
            "Les Halles Civiques rassemblent des organisations qui travaillent sur le pouvoir "
            "d’agir des citoyens, l’innovation publique et le progrès démocratique : chercheurs, "
            "designers, innovateurs sociaux, entrepreneurs.": "Les Halles Civiques bring "
            "together organisations working on citizen empowerment, public innovation and "
            "democratic progress: researchers, designers, social innovators, entrepreneurs.",
            "La Ville de Paris met le pavillon à disposition pour trois ans et a accompagné "
            "l’installation par une subvention de 50 000 euros ; les résidents financent "
            "eux-mêmes leurs activités.": "The City of Paris lends the pavilion for three years "
            "and supported the move-in with a €50,000 grant; residents fund their own work.",
            "En septembre 2018, le festival « Festives Halles Civiques » a invité les habitants à "
            "découvrir ces travaux de manière ludique.": "In September 2018 the “Festives "
            "Halles Civiques” festival invited residents to discover this work in a playful way.",
        },
    },
    {
        "slug": "venir",
        "title": "Nous rendre visite",
        "introduction": "Le pavillon est ouvert aux professionnels comme au public, en journée, "
        "en soirée et le week-end.",
        "paragraphs": [
            "Entrée par le parc de Belleville, sous le belvédère, dans le 20e arrondissement de "
            "Paris. Métro Pyrénées ou Couronnes.",
            "Chaque premier samedi du mois, nos portes sont ouvertes : venez rencontrer les "
            "résidents et découvrir leurs projets.",
        ],
        "en": {
            "Nous rendre visite": "Visiting us",
            "venir": "visit",
            "Le pavillon est ouvert aux professionnels comme au public, en journée, en soirée et "
            "le week-end.": "The pavilion welcomes professionals and the public alike, during "
            "the day, in the evening and at weekends.",
            "Entrée par le parc de Belleville, sous le belvédère, dans le 20e arrondissement de "
            "Paris. Métro Pyrénées ou Couronnes.": "Come in through the Parc de Belleville, "
            "below the belvedere, in Paris’s 20th arrondissement. Metro Pyrénées or Couronnes.",
            "Chaque premier samedi du mois, nos portes sont ouvertes : venez rencontrer les "
            "résidents et découvrir leurs projets.": "Every first Saturday of the month our "
            "doors are open: come and meet the residents and discover their projects.",
        },
    },
    {
        "slug": "louer-une-salle",
        "title": "Louer une salle",
        "introduction": "Des salles de réunion et de débat à petit prix pour les projets civiques.",
        "paragraphs": [
            "Les organisations qui travaillent sur l’innovation démocratique ou publique peuvent "
            "louer nos espaces à un tarif modéré et profiter de l’émulation d’une communauté.",
            "Chaque salle a sa page, avec sa capacité et ses tarifs : la demande se fait en "
            "ligne, et un lien privé permet d’en suivre la réponse.",
        ],
        "en": {
            "Louer une salle": "Renting a room",
            "louer-une-salle": "rent-a-room",
            "Des salles de réunion et de débat à petit prix pour les projets civiques.": (
                "Meeting and debate rooms at a low price for civic projects."
            ),
            "Les organisations qui travaillent sur l’innovation démocratique ou publique peuvent "
            "louer nos espaces à un tarif modéré et profiter de l’émulation d’une communauté.": (
                "Organisations working on democratic or public innovation can rent our spaces "
                "at a modest rate and enjoy the buzz of a community."
            ),
            "Chaque salle a sa page, avec sa capacité et ses tarifs : la demande se fait en "
            "ligne, et un lien privé permet d’en suivre la réponse.": "Each room has its own "
            "page with its capacity and prices: you request it online and follow the answer "
            "through a private link.",
        },
    },
]

FOOTER_GLOSSARY = {
    "Du mardi au samedi, de 9 h à 20 h": "Tuesday to Saturday, 9 am to 8 pm",
    "Portes ouvertes le premier samedi du mois": "Open doors on the first Saturday of the month",
    "Un réseau de tiers-lieux civiques soutenu par la Ville de Paris. Contenus publiés sous "
    "licence ouverte.": "A network of civic third places supported by the City of Paris. "
    "Content published under an open licence.",
}

HERO = {
    "heading": "Le laboratoire de la démocratie participative, à Belleville",
    "text": "Associations, start-up civiques, chercheurs et agents publics partagent un même toit "
    "pour inventer avec les habitants une vie démocratique plus riche.",
}
HERO_IMAGE = ("La grande halle, un jour de rencontres", "market-hall")
# (label, slug of the content page it leads to)
HERO_BUTTONS = [("Venir nous voir", "venir"), ("Louer une salle", "louer-une-salle")]
HOME_PARAGRAPHS = [
    "Les Halles Civiques occupent l’ancienne Maison de l’air, sous le belvédère du parc de "
    "Belleville : 650 m² d’espaces de travail, de débat et de réunion, un café citoyen et "
    "45 000 m² de verdure avec l’une des plus belles vues sur Paris.",
    "Le lieu est né de la rencontre de deux communautés, l’innovation publique et l’innovation "
    "démocratique, lauréates d’un appel à projets de la Ville de Paris.",
]
UPCOMING_HEADING = "Prochains rendez-vous"
CALL_TO_ACTION = {
    "heading": "Vous portez un projet civique ?",
    "text": "Nos salles se louent à petit prix aux associations et aux projets d’intérêt général.",
    "label": "Découvrir les salles",
    "page": "louer-une-salle",
}

FOOTER = {
    "opening_hours": "<ul><li>Du mardi au samedi, de 9 h à 20 h</li>"
    "<li>Portes ouvertes le premier samedi du mois</li></ul>",
    "footer_text": "<p>Un réseau de tiers-lieux civiques soutenu par la Ville de Paris. "
    "Contenus publiés sous licence ouverte.</p>",
}
SITE_SETTINGS = {
    "contact_email": "bonjour@halles-civiques.example",
    "phone": "+33 1 00 00 00 00",
    "street_address": "Pavillon du Parc de Belleville, 27 rue Piat",
    "postcode": "75020",
    "city": "Paris",
    "country": "France",
    "mastodon_url": "https://mastodon.example/@hallescivques",
}
# The menu's entries, in order: the programme, then these content pages.
MENU_PAGES = ["a-propos", "venir", "louer-une-salle"]
