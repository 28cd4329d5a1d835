"""Demo data of the news: two authors and four articles in French, translated into English.

Facts (the opening of the Halle civique in the Parc de Belleville pavilion with the City of
Paris, the first Festives Halles Civiques in September 2018, the Wide Open Project's tour of
ten third places in fifteen months, the 94% success rate of Les Co-citoyens' civic
crowdfunding) come from the project's background texts; the wording is ours. Dates are computed
from the day the demo is first loaded; later runs find every object by its slug or name and
change nothing.
"""

INTRODUCTION = (
    "Ce qui se passe aux Halles Civiques et dans le réseau : nouvelles, récits et communiqués."
)
INDEX_GLOSSARY = {
    "Actualités": "News",
    "actualites": "news",
    INTRODUCTION: "What is happening at Les Halles Civiques and across the network: news, "
    "stories and press releases.",
}

LATEST_NEWS_HEADING = ("Dernières actualités", "Latest news")

# name, (French role, English role), (French bio, English bio), photo colours
AUTHORS = [
    (
        "Camille Martin",
        ("Chargée de communication", "Communications officer"),
        (
            "Camille raconte la vie des Halles et de ses résidents, du café citoyen aux "
            "grands débats.",
            "Camille tells the story of the halls and their residents, from the citizens’ café "
            "to the big debates.",
        ),
        ["#a63a1a", "#f2a48a", "#172033"],
    ),
    (
        "Yanis Benali",
        ("Coordinateur des résidents", "Residents’ coordinator"),
        (
            "Yanis accompagne les organisations installées au pavillon et suit les tiers-lieux "
            "qui inspirent le réseau.",
            "Yanis supports the organisations based in the pavilion and follows the third "
            "places that inspire the network.",
        ),
        ["#235b3f", "#9fd3b5", "#172033"],
    ),
]

ARTICLES = [
    {
        "slug": ("inauguration-de-la-halle-civique", "halle-civique-opens"),
        "kind": "press-release",
        "days_ago": 45,
        "author": "Camille Martin",
        "title": (
            "La Halle civique ouvre ses portes au parc de Belleville",
            "The Halle civique opens in the Parc de Belleville",
        ),
        "introduction": (
            "Avec le soutien de la Ville de Paris, le pavillon du parc de Belleville devient un "
            "lieu dédié à la participation citoyenne et à l’innovation démocratique.",
            "With the support of the City of Paris, the Parc de Belleville pavilion becomes a "
            "place devoted to citizen participation and democratic innovation.",
        ),
        "paragraphs": [
            (
                "La Halle civique s’installe dans l’ancienne Maison de l’air, sous le belvédère "
                "de Belleville, dans le 20e arrondissement.",
                "The Halle civique moves into the former Maison de l’air, below the Belleville "
                "belvedere, in the 20th arrondissement.",
            ),
            (
                "Associations, entreprises, entrepreneurs sociaux et institutions y partagent "
                "650 m² d’espaces de travail, de débat et de réunion, ainsi qu’un café citoyen.",
                "Associations, companies, social entrepreneurs and institutions share 650 m² of "
                "space to work, debate and meet there, as well as a citizens’ café.",
            ),
            (
                "Le lieu s’inspire du Civic Hall de New York et du Medialab Prado de Madrid, avec "
                "une mission simple : renforcer le pouvoir d’agir des citoyens.",
                "The place takes its cue from Civic Hall in New York and Medialab Prado in "
                "Madrid, with a simple mission: to give citizens more power to act.",
            ),
        ],
        "themes": ["democratie-participative", "innovation-publique", "tiers-lieux"],
        "organisations": ["les-halles-civiques"],
        "places": ["civic-hall-new-york", "medialab-prado"],
        "events": [],
        "scene": "market-hall",
    },
    {
        "slug": ("festives-halles-civiques-2018", "festives-halles-civiques-2018"),
        "kind": "story",
        "days_ago": 30,
        "author": "Camille Martin",
        "title": (
            "Les Festives Halles Civiques, quand la démocratie se fait fête",
            "The Festives Halles Civiques, when democracy throws a party",
        ),
        "introduction": (
            "En septembre 2018, le premier festival des Halles a invité les habitants à "
            "découvrir en s’amusant celles et ceux qui réinventent la démocratie.",
            "In September 2018 the halls’ first festival invited local residents to discover, "
            "while having fun, the people reinventing democracy.",
        ),
        "paragraphs": [
            (
                "Jeux, débats et musique : pendant deux jours, le parc de Belleville a servi de "
                "vitrine aux travaux des résidents.",
                "Games, debates and music: for two days the Parc de Belleville showcased the "
                "residents’ work.",
            ),
            (
                "L’idée était simple : rendre visibles, de manière ludique, des projets "
                "souvent méconnus du grand public.",
                "The idea was simple: to make projects the wider public rarely hears about "
                "visible, in a playful way.",
            ),
            (
                "Le festival revient chaque année : retrouvez la prochaine édition dans le "
                "programme.",
                "The festival comes back every year: find the next edition in the programme.",
            ),
        ],
        "themes": ["democratie-participative"],
        "organisations": ["les-halles-civiques"],
        "places": [],
        "events": ["grand-jeu-de-la-democratie", "concert-au-belvedere"],
        "scene": "festival-stage",
    },
    {
        "slug": ("wide-open-project-dix-tiers-lieux", "wide-open-project-ten-third-places"),
        "kind": "news",
        "days_ago": 12,
        "author": "Yanis Benali",
        "title": (
            "Wide Open Project : dix tiers-lieux en quinze mois",
            "Wide Open Project: ten third places in fifteen months",
        ),
        "introduction": (
            "Deux entrepreneuses sociales font le tour du monde des tiers-lieux qui "
            "transforment leur territoire, et partagent ce qu’elles apprennent.",
            "Two social entrepreneurs are travelling the world to meet third places that "
            "transform their area, and sharing what they learn.",
        ),
        "paragraphs": [
            (
                "Pendant quinze mois, le Wide Open Project visite dix tiers-lieux emblématiques, "
                "des Grands Voisins à Paris jusqu’à Ponyride à Detroit.",
                "For fifteen months the Wide Open Project visits ten landmark third places, "
                "from Les Grands Voisins in Paris to Ponyride in Detroit.",
            ),
            (
                "Toutes ces initiatives affrontent les mêmes défis : trouver un modèle "
                "économique, inclure les plus fragiles, durer.",
                "All these initiatives face the same challenges: finding a business model, "
                "including the most vulnerable, lasting.",
            ),
            (
                "Un guide pratique conclura le voyage, pour aider chacun à passer de l’idée à "
                "l’action.",
                "A practical guide will close the journey, to help everyone move from idea to "
                "action.",
            ),
        ],
        "themes": ["tiers-lieux"],
        "organisations": ["wide-open-project"],
        "places": ["les-grands-voisins", "gawad-kalinga", "ponyride"],
        "events": [],
        "scene": "cafe-terrace",
    },
    {
        "slug": ("les-co-citoyens-financement-participatif", "les-co-citoyens-civic-crowdfunding"),
        "kind": "story",
        "days_ago": 5,
        "author": "Yanis Benali",
        "title": (
            "Les Co-citoyens : 94 % de collectes réussies",
            "Les Co-citoyens: 94% of campaigns succeed",
        ),
        "introduction": (
            "L’association résidente rend le financement participatif civique accessible à "
            "toutes et à tous, avec des résultats remarquables.",
            "The resident association makes civic crowdfunding accessible to everyone, with "
            "remarkable results.",
        ),
        "paragraphs": [
            (
                "Le financement participatif civique permet à de nombreuses personnes de financer "
                "ensemble des projets d’intérêt général, non lucratifs et ouverts à tous.",
                "Civic crowdfunding lets many people fund public-interest projects together, "
                "non-profit and open to all.",
            ),
            (
                "Les Co-citoyens accompagnent les porteurs de projets, de quelques centaines à "
                "plusieurs milliers d’euros, y compris celles et ceux qu’écartent les "
                "financements classiques.",
                "Les Co-citoyens support project leaders, from a few hundred to several thousand "
                "euros, including people shut out of traditional funding.",
            ),
            (
                "Résultat : 94 % des collectes atteignent leur objectif. Un atelier au pavillon "
                "permet de s’y initier.",
                "The result: 94% of campaigns reach their goal. A workshop at the pavilion is a "
                "way to get started.",
            ),
        ],
        "themes": ["financement-participatif", "democratie-participative"],
        "organisations": ["les-co-citoyens"],
        "places": [],
        "events": ["atelier-financement-participatif"],
        "scene": "meeting-room",
    },
]
