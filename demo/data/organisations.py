"""Demo data of the directory's organisations (see data/directory.py for where facts come from).

Each spec gives French and English values as pairs; `places` names the inspiring places an
organisation relates to, by slug.
"""

ORGANISATIONS = [
    {
        "slug": "les-halles-civiques",
        "en_slug": "les-halles-civiques",
        "title": ("Les Halles Civiques", "Les Halles Civiques"),
        "summary": (
            "Le réseau de tiers-lieux de l’innovation démocratique et publique, à Belleville.",
            "The network of third places for democratic and public innovation, in Belleville.",
        ),
        "description": [
            (
                "L’association réunit chercheurs, designers, innovateurs sociaux et "
                "entrepreneurs qui travaillent sur le pouvoir d’agir des citoyens.",
                "The association brings together researchers, designers, social innovators and "
                "entrepreneurs working on citizen empowerment.",
            )
        ],
        "city": ("Paris", "Paris"),
        "country": "FR",
        "coords": ("48.8718", "2.3845"),
        "type": "association",
        "relation": "member",
        "year": 2018,
        "address": ("Pavillon du Parc de Belleville, 27 rue Piat", "75020"),
        "themes": ["democratie-participative", "innovation-publique", "tiers-lieux"],
        "keywords": ["belleville", "innovation démocratique"],
        "contact": ("bonjour@halles-civiques.example", "+33 1 00 00 00 00", True),
        "places": ["civic-hall-new-york", "medialab-prado"],
        "colours": ["#a63a1a", "#f1ebe0"],
    },
    {
        "slug": "les-co-citoyens",
        "en_slug": "les-co-citoyens",
        "title": ("Les Co-citoyens", "Les Co-citoyens"),
        "summary": (
            "Une association qui démocratise le financement participatif civique.",
            "An association that brings civic crowdfunding within everyone’s reach.",
        ),
        "description": [
            (
                "Les Co-citoyens (Co-city) accompagnent les porteurs de projets d’intérêt "
                "général, avec un taux de réussite de 94 %.",
                "Les Co-citoyens (Co-city) support people leading public-interest projects, "
                "with a success rate of 94%.",
            ),
            (
                "Depuis 2016, l’association travaille avec le budget participatif de Paris pour "
                "faire émerger les projets des quartiers populaires.",
                "Since 2016 the association has worked with the Paris participatory budget to "
                "bring forward projects from working-class neighbourhoods.",
            ),
        ],
        "city": ("Paris", "Paris"),
        "country": "FR",
        "coords": ("48.8566", "2.3522"),
        "type": "association",
        "relation": "resident",
        "themes": ["financement-participatif", "democratie-participative"],
        "keywords": ["budget participatif"],
        # E-mail known to the team but not published: the organisation has not opted in.
        "contact": ("contact@co-citoyens.example", "", False),
        "places": [],
        "colours": ["#235b3f", "#f1ebe0"],
    },
    {
        "slug": "la-27e-region",
        "en_slug": "la-27e-region",
        "title": ("La 27e Région", "La 27e Région"),
        "summary": (
            "Un laboratoire de transformation publique qui expérimente avec les collectivités.",
            "A public transformation lab that experiments with local governments.",
        ),
        "description": [
            (
                "Résidente des Halles Civiques, La 27e Région a été repérée par la fondation "
                "Bloomberg en 2017.",
                "A resident of Les Halles Civiques, La 27e Région was spotted by the Bloomberg "
                "foundation in 2017.",
            )
        ],
        "city": ("Paris", "Paris"),
        "country": "FR",
        "coords": ("48.8718", "2.3845"),
        "type": "research-lab",
        "relation": "resident",
        "themes": ["innovation-publique"],
        "keywords": ["design des politiques publiques"],
        "places": [],
        "colours": ["#172033", "#f1ebe0"],
    },
    {
        "slug": "nesta",
        "en_slug": "nesta",
        "title": ("Nesta", "Nesta"),
        "summary": (
            "La fondation britannique qui anime le réseau européen de l’innovation sociale "
            "numérique.",
            "The British foundation that runs Europe’s network of digital social innovation.",
        ),
        "description": [
            (
                "Nesta a fait connaître le Liberté Living-Lab au réseau européen de "
                "l’innovation sociale numérique (DSI).",
                "Nesta introduced the Liberté Living-Lab to Europe’s digital social innovation "
                "(DSI) network.",
            )
        ],
        "city": ("Londres", "London"),
        "country": "GB",
        "coords": ("51.5072", "-0.1276"),
        "type": "other",
        "relation": "partner",
        "themes": ["civic-tech", "innovation-publique"],
        "keywords": ["DSI"],
        "places": ["liberte-living-lab"],
        "colours": ["#235b3f", "#172033"],
    },
    {
        "slug": "bayes-impact",
        "en_slug": "bayes-impact",
        "title": ("Bayes Impact", "Bayes Impact"),
        "summary": (
            "Des data scientists qui conçoivent des logiciels pour répondre à des problèmes "
            "sociaux.",
            "Data scientists who build software to answer social problems.",
        ),
        "description": [
            (
                "Ingénieurs et universitaires, ils développent des services pour les pouvoirs "
                "publics et les associations.",
                "Engineers and academics, they develop services for governments and non-profits.",
            )
        ],
        "city": ("Paris", "Paris"),
        "country": "FR",
        "coords": ("48.8686", "2.3470"),
        "type": "civic-tech",
        "relation": "partner",
        "themes": ["civic-tech"],
        "keywords": ["données"],
        "places": ["liberte-living-lab"],
        "colours": ["#a63a1a", "#172033"],
    },
    {
        "slug": "wide-open-project",
        "en_slug": "wide-open-project",
        "title": ("Wide Open Project", "Wide Open Project"),
        "summary": (
            "Deux entrepreneuses sociales en tour du monde de quinze mois à la rencontre de "
            "tiers-lieux.",
            "Two social entrepreneurs on a fifteen-month world tour of third places.",
        ),
        "description": [
            (
                "Le collectif étudie dix tiers-lieux emblématiques et publiera un guide pour "
                "passer de l’idée à l’action.",
                "The collective studies ten landmark third places and will publish a guide to "
                "go from idea to action.",
            )
        ],
        "city": ("Paris", "Paris"),
        "country": "FR",
        "coords": ("48.8566", "2.3522"),
        "type": "collective",
        "relation": "partner",
        "themes": ["tiers-lieux"],
        "keywords": ["tour du monde"],
        "places": ["les-grands-voisins", "gawad-kalinga", "ponyride"],
        "colours": ["#235b3f", "#a63a1a"],
    },
]
