"""French editorial content of the demo network: news, local news, standard pages."""

# (title, intro, paragraphs, tags)
NETWORK_NEWS = [
    (
        "Bienvenue aux 14 familles arrivées cet automne",
        "Graphistes, développeurs, une traductrice et un luthier : la rentrée a été "
        "riche en installations dans le Gers.",
        [
            "Quatorze familles se sont installées dans le réseau entre septembre et "
            "novembre, de Lectoure à Masseube. Elles viennent surtout de Toulouse, "
            "Bordeaux et de la région parisienne.",
            "Les comités d'accueil les ont accompagnées pour la recherche de logement, "
            "l'inscription à l'école et le raccordement à la fibre. Pensez à leur dire "
            "bonjour lors du prochain afterwork !",
        ],
        ["Installations", "Vie du réseau"],
    ),
    (
        "La fibre couvre désormais 85 % des foyers gersois",
        "Le syndicat Gers Numérique annonce l'avancée du déploiement : les derniers "
        "hameaux seront raccordés d'ici fin 2027.",
        [
            "Le déploiement de la fibre optique se poursuit dans tout le département. "
            "Les communes encore en attente sont surtout des hameaux isolés de "
            "l'Astarac et du Bas-Armagnac.",
            "En attendant, les box 4G et l'internet par satellite restent de bonnes "
            "solutions de secours : demandez conseil à votre comité.",
        ],
        ["Haut débit"],
    ),
    (
        "Afterwork de décembre à Auch : inscrivez-vous",
        "Le prochain afterwork du réseau aura lieu au tiers-lieu de la gare d'Auch, "
        "avec une présentation des nouveaux membres.",
        [
            "Comme chaque premier jeudi du mois, les membres du réseau se retrouvent "
            "pour échanger autour d'un verre. Au programme : un tour de table des "
            "nouveaux arrivants et un point sur les projets communs.",
            "Le covoiturage est organisé depuis Condom, Mirande et L'Isle-Jourdain.",
        ],
        ["Rencontres", "Vie du réseau"],
    ),
    (
        "Trois nouveaux tiers-lieux ouvrent leurs portes",
        "Eauze, Samatan et Mauvezin disposent désormais d'espaces de coworking "
        "équipés, ouverts aux membres du réseau.",
        [
            "Ces espaces proposent des bureaux à la journée, une salle de réunion et "
            "une connexion fibre. Les membres du réseau bénéficient d'un tarif "
            "préférentiel la première année.",
        ],
        ["Coworking"],
    ),
    (
        "Le programme accueille sa 100e famille",
        "Un cap symbolique pour Sohosolo : cent familles installées en six ans, et "
        "seulement deux reparties.",
        [
            "Lancé par la CCI du Gers, le programme a déjà permis à cent familles de "
            "télétravailleurs et d'indépendants de s'installer dans le département.",
            "Le secret de cette réussite ? L'engagement des comités d'accueil et "
            "l'entraide entre membres.",
        ],
        ["Vie du réseau", "Installations"],
    ),
    (
        "Atelier : se mettre à son compte dans le Gers",
        "La CCI organise un atelier sur la création d'entreprise pour les "
        "nouveaux arrivants salariés qui envisagent l'indépendance.",
        [
            "Statuts, protection sociale, aides régionales : deux experts-comptables "
            "du réseau répondront à vos questions.",
        ],
        ["Entrepreneuriat", "Ateliers"],
    ),
    (
        "Nouveau : une permanence numérique dans chaque comité",
        "Des bénévoles aident les nouveaux arrivants dans leurs démarches en ligne "
        "et le choix de leur connexion internet.",
        [
            "Chaque comité propose désormais un créneau mensuel pour accompagner les "
            "familles dans leurs démarches : CAF, impôts, inscription scolaire, "
            "raccordement fibre.",
        ],
        ["Haut débit", "Démarches"],
    ),
    (
        "Retour sur la journée des comités à Fleurance",
        "Plus de 120 bénévoles se sont réunis pour partager leurs pratiques d'accueil.",
        [
            "Ateliers, témoignages de familles installées et repas partagé : la "
            "journée a permis de renforcer les liens entre comités.",
            "Les comptes rendus des ateliers sont disponibles auprès de l'équipe du "
            "programme.",
        ],
        ["Comités", "Vie du réseau"],
    ),
    (
        "Transports : la ligne Auch–Toulouse renforcée",
        "Deux allers-retours supplémentaires en semaine facilitent les trajets des "
        "télétravailleurs qui se rendent au bureau ponctuellement.",
        [
            "La Région ajoute des trains le matin et en fin de journée. Le trajet "
            "dure environ 1 h 30 depuis Auch, 45 minutes depuis L'Isle-Jourdain.",
        ],
        ["Mobilité"],
    ),
    (
        "Appel à bénévoles pour le salon de l'installation",
        "Le programme sera présent au salon « Vivre et travailler à la campagne » "
        "à Paris : venez témoigner de votre installation.",
        [
            "Nous cherchons des membres prêts à partager leur expérience avec les "
            "visiteurs. Déplacement pris en charge par la CCI.",
        ],
        ["Vie du réseau", "Bénévolat"],
    ),
    (
        "Écoles : les inscriptions pour la rentrée sont ouvertes",
        "Les mairies du réseau rappellent le calendrier des inscriptions scolaires.",
        [
            "Pensez à contacter la mairie de votre commune dès que votre date "
            "d'arrivée est connue. Votre comité peut vous mettre en relation avec les "
            "directeurs d'école.",
        ],
        ["Famille", "Démarches"],
    ),
    (
        "Un groupe d'entraide pour les développeurs du réseau",
        "Une vingtaine de développeurs se retrouvent désormais chaque mois pour "
        "partager veille technique et missions.",
        [
            "Le groupe est ouvert à tous les profils techniques. Rendez-vous au "
            "tiers-lieu de Gimont le deuxième mardi du mois.",
        ],
        ["Entraide", "Rencontres"],
    ),
    (
        "Logement : la bourse aux locations de l'hiver",
        "Les comités recensent les maisons disponibles à la location pour les "
        "familles qui arrivent au printemps.",
        [
            "Vous connaissez un propriétaire qui cherche des locataires ? Signalez-le "
            "à votre comité : beaucoup de familles commencent par louer avant "
            "d'acheter.",
        ],
        ["Logement"],
    ),
    (
        "Témoignage : « Nous avons trouvé ici un équilibre »",
        "Installés à Marciac depuis trois ans, Léa et Thomas racontent leur nouvelle "
        "vie entre télétravail et festival de jazz.",
        [
            "« Nous cherchions un endroit où nos enfants pourraient grandir au "
            "calme, sans renoncer à nos métiers. Le comité nous a aidés à trouver une "
            "maison et une place à la crèche en quelques semaines. »",
        ],
        ["Témoignages", "Installations"],
    ),
    (
        "Les marchés de producteurs de l'hiver",
        "Canards, fromages, légumes d'hiver : le calendrier des marchés "
        "de producteurs du département.",
        [
            "Chaque comité a recensé les marchés de sa commune et des environs. "
            "Retrouvez-les sur les pages des comités.",
        ],
        ["Vie locale"],
    ),
    (
        "Formation : les bases de la cybersécurité pour indépendants",
        "Un cycle de trois ateliers en ligne animé par une administratrice "
        "systèmes du réseau.",
        [
            "Sauvegardes, mots de passe, messagerie : des gestes simples pour "
            "protéger son activité. Les ateliers ont lieu le soir en visioconférence.",
        ],
        ["Ateliers", "Entraide"],
    ),
    (
        "Santé : de nouveaux médecins dans l'Astarac",
        "La maison de santé de Masseube accueille deux médecins généralistes.",
        [
            "Une bonne nouvelle pour les familles du sud du département, où l'accès "
            "aux soins reste une préoccupation.",
        ],
        ["Santé", "Vie locale"],
    ),
    (
        "Covoiturage : une nouvelle rubrique pour les rencontres",
        "Proposez ou demandez une place pour rejoindre les rencontres du réseau.",
        [
            "Les distances sont grandes dans le Gers : partager la route permet de "
            "venir plus souvent et de faire connaissance en chemin.",
        ],
        ["Mobilité", "Rencontres"],
    ),
    (
        "Bilan 2026 du programme",
        "Installations, retours, comités : les chiffres clés de l'année.",
        [
            "Cette année, 23 familles se sont installées et deux nouveaux comités "
            "ont rejoint le réseau. Le taux de familles restées après trois ans "
            "atteint 98 %.",
        ],
        ["Vie du réseau"],
    ),
    (
        "Les associations recrutent des bénévoles",
        "Festivals, clubs sportifs, écoles de musique : s'engager localement est la "
        "meilleure façon de s'intégrer.",
        [
            "Les comités tiennent à jour une liste des associations qui cherchent "
            "des bras et des compétences.",
        ],
        ["Bénévolat", "Vie locale"],
    ),
    (
        "Un annuaire des compétences du réseau",
        "Traduction, comptabilité, graphisme : trouvez un membre qui peut vous "
        "aider ou travailler avec vous.",
        [
            "Chaque membre peut indiquer ses compétences sur son profil. L'annuaire "
            "permet de chercher par compétence et par commune.",
        ],
        ["Entraide"],
    ),
    (
        "Découverte : le Gers à vélo",
        "Trois itinéraires proposés par les membres pour découvrir le département "
        "au printemps.",
        [
            "Des coteaux de l'Armagnac aux vallées de l'Astarac, les routes "
            "tranquilles ne manquent pas. Itinéraires disponibles auprès des comités.",
        ],
        ["Vie locale", "Loisirs"],
    ),
    (
        "Reprendre une entreprise dans le Gers",
        "La CCI recense les commerces et entreprises à reprendre dans le département.",
        [
            "Boulangeries, ateliers, agences : plusieurs dizaines d'entreprises "
            "cherchent un repreneur. Une réunion d'information est prévue en janvier.",
        ],
        ["Entrepreneuriat"],
    ),
    (
        "Les comités se dotent d'une fiche village",
        "Haut débit, écoles, médecins, marchés : chaque comité publie l'essentiel "
        "pour les familles qui envisagent de s'installer.",
        [
            "Les fiches sont mises à jour régulièrement par les bénévoles et "
            "indiquent la date de leur dernière vérification.",
        ],
        ["Comités", "Installations"],
    ),
    (
        "Soirée jeux de société à Vic-Fezensac",
        "Une soirée conviviale ouverte aux familles du réseau et aux habitants.",
        [
            "Apportez vos jeux préférés ! Boissons et gâteaux partagés.",
        ],
        ["Rencontres", "Loisirs"],
    ),
    (
        "Garde d'enfants : les solutions dans les villages",
        "Assistantes maternelles, micro-crèches, accueils de loisirs : un guide pour "
        "les jeunes parents.",
        [
            "Les places en crèche sont limitées dans certaines communes : anticipez "
            "et demandez conseil à votre comité dès le début de votre projet.",
        ],
        ["Famille"],
    ),
    (
        "Visite des élus régionaux au tiers-lieu de Lectoure",
        "Les élus ont rencontré des membres du réseau pour parler télétravail et "
        "attractivité des territoires ruraux.",
        [
            "Les échanges ont porté sur la couverture mobile, les transports et le "
            "soutien aux tiers-lieux.",
        ],
        ["Vie du réseau", "Coworking"],
    ),
    (
        "Printemps des nouveaux arrivants : save the date",
        "La grande fête annuelle du réseau aura lieu en avril à Condom.",
        [
            "Pique-nique, visites et concert : une journée pour se retrouver entre "
            "familles et bénévoles de tout le département.",
        ],
        ["Rencontres", "Vie du réseau"],
    ),
    (
        "Internet par satellite : retour d'expérience",
        "Trois membres installés dans des hameaux isolés partagent leur expérience "
        "des offres satellite.",
        [
            "Latence, débit, coût : un comparatif honnête pour ceux qui attendent "
            "encore la fibre.",
        ],
        ["Haut débit", "Entraide"],
    ),
    (
        "Le réseau sur l'intranet : mode d'emploi",
        "Profil, comités, actualités : tout ce qu'il faut savoir pour bien démarrer "
        "sur l'intranet.",
        [
            "Complétez votre profil pour que les autres membres puissent vous "
            "trouver. Les référents de votre comité peuvent vous aider.",
        ],
        ["Vie du réseau"],
    ),
]

# Local news; {name} is the commune, {of} is "de Mirande" / "d'Auch".
LOCAL_NEWS = [
    (
        "Apéritif d'accueil des nouveaux habitants",
        "Le comité invite les familles arrivées cette année à un apéritif à la salle "
        "des fêtes {of}.",
        ["Rencontres"],
    ),
    (
        "La fibre arrive dans les hameaux",
        "Les travaux de raccordement se terminent dans les écarts {of} : "
        "renseignez-vous auprès de la mairie.",
        ["Haut débit"],
    ),
    (
        "Marché de producteurs le samedi matin",
        "Le marché {of} reprend ses quartiers d'hiver sous la halle.",
        ["Vie locale"],
    ),
    (
        "Permanence du comité : nouveaux horaires",
        "Les bénévoles vous accueillent désormais le premier samedi du mois à la "
        "mairie {of}.",
        ["Comités"],
    ),
    (
        "Rencontre avec l'équipe de l'école",
        "Les parents nouvellement arrivés sont invités à découvrir l'école "
        "{of} et ses projets.",
        ["Famille"],
    ),
    (
        "Randonnée découverte autour {of}",
        "Une boucle de 10 km pour découvrir les coteaux et les chemins de la "
        "commune, suivie d'un pique-nique.",
        ["Loisirs", "Rencontres"],
    ),
    (
        "Vide-grenier du comité",
        "Le comité organise son vide-grenier annuel au profit des animations "
        "d'accueil.",
        ["Vie locale"],
    ),
    (
        "Atelier démarches administratives",
        "Un bénévole vous aide à faire vos démarches en ligne : CAF, impôts, "
        "carte grise.",
        ["Démarches"],
    ),
    (
        "Une maison à louer au centre du village",
        "Un propriétaire {of} propose une maison de quatre pièces à la location "
        "pour une famille du réseau.",
        ["Logement"],
    ),
    (
        "Soirée conte à la médiathèque",
        "La médiathèque {of} accueille une soirée conte pour les enfants et leurs "
        "parents.",
        ["Famille", "Loisirs"],
    ),
]

ABOUT_PAGE = (
    "Le programme Sohosolo",
    "Depuis 2020, la CCI du Gers accompagne les télétravailleurs et indépendants qui "
    "choisissent de vivre et travailler dans le Gers.",
    [
        ("heading", "Un accueil sur mesure"),
        (
            "paragraph",
            "<p>Chaque projet d'installation est étudié par l'équipe du programme, "
            "puis confié à un comité d'accueil de village. Un parrain ou une marraine "
            "bénévole accompagne la famille jusqu'à son installation.</p>",
        ),
        (
            "quote",
            {
                "text": "Nous voulions de l'espace et du temps pour nos enfants. "
                "Le comité nous a ouvert toutes les portes.",
                "source": "Une famille installée à Lectoure",
            },
        ),
        ("heading", "Un réseau vivant"),
        (
            "paragraph",
            "<p>Les membres du réseau se retrouvent lors d'afterworks, de journées "
            "de coworking et de la fête du printemps. L'intranet leur permet de "
            "rester en contact entre deux rencontres.</p>",
        ),
    ],
)

CHARTER_PAGE = (
    "Charte des membres",
    "Quelques principes simples pour que le réseau reste un lieu d'entraide et de "
    "confiance.",
    [
        ("heading", "Bienveillance"),
        (
            "paragraph",
            "<p>Nous nous adressons les uns aux autres avec respect. Les désaccords "
            "se règlent par le dialogue, jamais par l'attaque personnelle.</p>",
        ),
        ("heading", "Discrétion"),
        (
            "paragraph",
            "<p>Ce qui est partagé sur l'intranet reste dans le réseau. Les "
            "informations personnelles des membres ne sont jamais transmises à "
            "l'extérieur.</p>",
        ),
        ("heading", "Entraide"),
        (
            "paragraph",
            "<p>Chacun donne selon ses moyens : un conseil, un coup de main, une "
            "recommandation. Les démarches commerciales insistantes n'ont pas leur "
            "place ici.</p>",
        ),
    ],
)

GUIDE_PAGE = (
    "Guide pratique du nouvel arrivant",
    "Les démarches à prévoir avant et après votre installation dans le Gers.",
    [
        ("heading", "Avant le déménagement"),
        (
            "paragraph",
            "<ul><li>Vérifier l'éligibilité à la fibre de votre futur logement.</li>"
            "<li>Contacter la mairie pour l'inscription scolaire.</li>"
            "<li>Chercher un médecin traitant : demandez conseil au comité.</li></ul>",
        ),
        ("heading", "Les délais à connaître"),
        (
            "table",
            {
                "data": [
                    ["Démarche", "Délai habituel", "Conseil"],
                    [
                        "Raccordement fibre",
                        "2 à 6 semaines",
                        "Commander dès la signature du bail",
                    ],
                    [
                        "Inscription scolaire",
                        "1 à 2 semaines",
                        "Prévoir le livret de famille",
                    ],
                    [
                        "Place en crèche",
                        "3 à 9 mois",
                        "Contacter le relais petite enfance",
                    ],
                ],
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "table_caption": "Délais des principales démarches",
            },
        ),
        ("heading", "Après l'arrivée"),
        (
            "paragraph",
            "<p>Présentez-vous au comité d'accueil de votre commune : il vous "
            "présentera les associations, les commerçants et les autres membres du "
            "réseau installés près de chez vous.</p>",
        ),
    ],
)

MARKET_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
