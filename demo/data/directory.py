"""Demo data of the directory: themes and inspiring places, in French with English versions
(the organisations are in data/organisations.py).

Facts (names, cities, years, the Paris participatory budget, the Liberté Living-Lab's 2,000 m²
in Le Sentier, the Wide Open Project's tour of third places) come from the project's background
texts; the wording is ours. Coordinates are approximate city or neighbourhood centres.
"""

INDEX_INTRODUCTION = (
    "Les organisations du réseau et les tiers-lieux qui nous inspirent, en France et ailleurs."
)
INDEX_GLOSSARY = {
    "Annuaire": "Directory",
    "annuaire": "directory",
    INDEX_INTRODUCTION: (
        "The network’s organisations and the third places that inspire us, in France and beyond."
    ),
}

# (French name, French slug, English name, English slug, French description, English description)
THEMES = [
    (
        "Démocratie participative",
        "democratie-participative",
        "Participatory democracy",
        "participatory-democracy",
        "Associer les habitants aux décisions qui les concernent.",
        "Involving residents in the decisions that affect them.",
    ),
    (
        "Civic tech",
        "civic-tech",
        "Civic tech",
        "civic-tech",
        "Des outils numériques au service de la participation citoyenne.",
        "Digital tools that serve citizen participation.",
    ),
    (
        "Innovation publique",
        "innovation-publique",
        "Public innovation",
        "public-innovation",
        "Transformer les services publics avec leurs usagers et leurs agents.",
        "Transforming public services with the people who use and run them.",
    ),
    (
        "Financement participatif",
        "financement-participatif",
        "Civic crowdfunding",
        "civic-crowdfunding",
        "Financer à plusieurs des projets d’intérêt général.",
        "Funding public-interest projects together.",
    ),
    (
        "Tiers-lieux",
        "tiers-lieux",
        "Third places",
        "third-places",
        "Des lieux hybrides où l’on travaille, débat et expérimente ensemble.",
        "Hybrid places where people work, debate and experiment together.",
    ),
    (
        "Écologie urbaine",
        "ecologie-urbaine",
        "Urban ecology",
        "urban-ecology",
        "Des villes plus durables, du quartier à la métropole.",
        "More sustainable cities, from the neighbourhood to the metropolis.",
    ),
    (
        "Éducation",
        "education",
        "Education",
        "education",
        "Apprendre autrement, à tout âge.",
        "New ways of learning, at any age.",
    ),
]

# Each text is a (French, English) pair; the glossary is built from the pairs.
PLACES = [
    {
        "slug": "civic-hall-new-york",
        "en_slug": "civic-hall-new-york",
        "title": ("Civic Hall", "Civic Hall"),
        "summary": (
            "Le grand frère new-yorkais des halles civiques, lieu de la civic tech américaine.",
            "The New York elder sibling of civic halls, a home for American civic tech.",
        ),
        "description": [
            (
                "Civic Hall rassemble à New York les acteurs de la technologie au service de "
                "l’intérêt général : militants, développeurs, agents publics et chercheurs.",
                "Civic Hall brings together people using technology for the public good in New "
                "York: activists, developers, public servants and researchers.",
            )
        ],
        "lessons": [
            (
                "Un lieu commun donne une visibilité et une communauté à un écosystème éclaté.",
                "A shared place gives a scattered ecosystem visibility and a community.",
            )
        ],
        "city": ("New York", "New York"),
        "country": "US",
        "coords": ("40.7392", "-73.9903"),
        "kind": "civic-hall",
        "themes": ["civic-tech", "democratie-participative"],
        "keywords": ["civic tech", "communauté"],
        "access": ["step_free_access"],
        "scene": "meeting-room",
    },
    {
        "slug": "medialab-prado",
        "en_slug": "medialab-prado",
        "title": ("Medialab Prado", "Medialab Prado"),
        "summary": (
            "Un laboratoire citoyen madrilène où chacun peut proposer et prototyper un projet.",
            "A citizen laboratory in Madrid where anyone can propose and prototype a project.",
        ),
        "description": [
            (
                "Medialab Prado a fait de Madrid une référence des laboratoires citoyens : "
                "des ateliers ouverts où des inconnus construisent ensemble des projets communs.",
                "Medialab Prado made Madrid a reference for citizen laboratories: open "
                "workshops where strangers build shared projects together.",
            )
        ],
        "lessons": [
            (
                "Des appels ouverts et une médiation attentive transforment la diversité en "
                "créativité.",
                "Open calls and careful facilitation turn diversity into creativity.",
            )
        ],
        "city": ("Madrid", "Madrid"),
        "country": "ES",
        "coords": ("40.4108", "-3.6937"),
        "kind": "living-lab",
        "themes": ["democratie-participative", "innovation-publique"],
        "keywords": ["laboratoire citoyen"],
        "access": ["step_free_access", "quiet_hours"],
        "scene": "workshop",
    },
    {
        "slug": "les-grands-voisins",
        "en_slug": "les-grands-voisins",
        "title": ("Les Grands Voisins", "Les Grands Voisins"),
        "summary": (
            "Une occupation temporaire d’un ancien hôpital parisien, entre hébergement et "
            "activités.",
            "A temporary occupation of a former Paris hospital, mixing shelter and activity.",
        ),
        "description": [
            (
                "Aux Grands Voisins, l’ancien hôpital Saint-Vincent-de-Paul a accueilli à la fois "
                "des personnes hébergées, des associations, des artisans et le public.",
                "At Les Grands Voisins, the former Saint-Vincent-de-Paul hospital welcomed "
                "sheltered residents, associations, craftspeople and the public all at once.",
            )
        ],
        "lessons": [
            (
                "L’urbanisme transitoire peut faire vivre un site et tisser des liens avant un "
                "projet définitif.",
                "Temporary urbanism can bring a site to life and build ties before a "
                "permanent project.",
            )
        ],
        "city": ("Paris", "Paris"),
        "country": "FR",
        "coords": ("48.8366", "2.3364"),
        "kind": "temporary-occupation",
        "themes": ["tiers-lieux", "ecologie-urbaine"],
        "keywords": ["urbanisme transitoire"],
        "access": ["step_free_access", "easy_to_read"],
        "scene": "cafe-terrace",
    },
    {
        "slug": "gawad-kalinga",
        "en_slug": "gawad-kalinga",
        "title": ("Gawad Kalinga", "Gawad Kalinga"),
        "summary": (
            "Un village communautaire près de Manille, qui mise sur l’entraide et "
            "l’entrepreneuriat social.",
            "A community village near Manila built on mutual help and social enterprise.",
        ),
        "description": [
            (
                "Près de Manille, Gawad Kalinga réunit habitants, bénévoles et entrepreneurs "
                "sociaux pour construire des logements et lancer des activités locales.",
                "Near Manila, Gawad Kalinga brings residents, volunteers and social "
                "entrepreneurs together to build homes and start local businesses.",
            )
        ],
        "lessons": [
            (
                "L’autonomie d’une communauté fragilisée se construit pas à pas, avec elle.",
                "A fragile community’s autonomy is built step by step, with it.",
            )
        ],
        "city": ("Manille", "Manila"),
        "country": "PH",
        "coords": ("14.5995", "120.9842"),
        "kind": "eco-village",
        "themes": ["ecologie-urbaine", "tiers-lieux"],
        "keywords": ["entrepreneuriat social"],
        "access": [],
        "scene": "community-garden",
    },
    {
        "slug": "ponyride",
        "en_slug": "ponyride",
        "title": ("Ponyride", "Ponyride"),
        "summary": (
            "Un bâtiment industriel de Detroit transformé en ateliers à bas loyer pour "
            "entrepreneurs locaux.",
            "A Detroit industrial building turned into low-rent workshops for local entrepreneurs.",
        ),
        "description": [
            (
                "À Detroit, Ponyride a loué des ateliers à prix réduit à des artisans et "
                "entrepreneurs engagés à partager leur savoir-faire avec le quartier.",
                "In Detroit, Ponyride rented workshops at reduced prices to craftspeople and "
                "entrepreneurs who committed to share their skills with the neighbourhood.",
            )
        ],
        "lessons": [
            (
                "Un loyer modéré contre un engagement local : un modèle simple pour revitaliser "
                "un quartier.",
                "Modest rent in exchange for local commitment: a simple model to revive a "
                "neighbourhood.",
            )
        ],
        "city": ("Detroit", "Detroit"),
        "country": "US",
        "coords": ("42.3314", "-83.0458"),
        "kind": "incubator",
        "themes": ["tiers-lieux"],
        "keywords": ["atelier", "revitalisation"],
        "access": ["step_free_access"],
        "scene": "workshop",
    },
    {
        "slug": "liberte-living-lab",
        "en_slug": "liberte-living-lab",
        "title": ("Liberté Living-Lab", "Liberté Living-Lab"),
        "summary": (
            "Un espace de 2 000 m² dans le Sentier pour l’innovation technologique, civique "
            "et sociale.",
            "A 2,000 m² space in Le Sentier for tech, civic and social innovation.",
        ),
        "description": [
            (
                "Fondé en octobre 2016 dans le 2e arrondissement de Paris, le Liberté Living-Lab "
                "accueille start-up, chercheurs, artistes, grandes entreprises et agents publics.",
                "Founded in October 2016 in Paris’s 2nd arrondissement, the Liberté Living-Lab "
                "hosts start-ups, researchers, artists, large companies and public servants.",
            ),
            (
                "Ses revenus viennent surtout des entreprises, ce qui permet des tarifs réduits "
                "pour les associations et les entrepreneurs.",
                "Most of its income comes from companies, which allows reduced rates for "
                "non-profits and entrepreneurs.",
            ),
        ],
        "lessons": [
            (
                "Des événements gratuits et ouverts au public gardent le lieu ancré dans son "
                "quartier.",
                "Free events open to the public keep the place rooted in its neighbourhood.",
            )
        ],
        "city": ("Paris", "Paris"),
        "country": "FR",
        "coords": ("48.8686", "2.3470"),
        "kind": "living-lab",
        "year": 2016,
        "themes": ["civic-tech", "innovation-publique", "education"],
        "keywords": ["tech for good", "govtech"],
        "access": ["step_free_access", "sign_language_welcome"],
        "scene": "library-corner",
    },
]
