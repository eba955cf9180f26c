"""Vocabulary of the demo network: who the remote workers of the Gers are."""

# profession -> skills that go with it
PROFESSIONS = {
    "Développeuse web": ["Python", "Django", "JavaScript", "Accessibilité", "API"],
    "Développeur logiciel": ["Python", "Go", "DevOps", "Linux", "Bases de données"],
    "Traductrice": [
        "Anglais",
        "Allemand",
        "Espagnol",
        "Traduction technique",
        "Sous-titrage",
    ],
    "Traducteur juridique": ["Anglais", "Italien", "Droit des contrats", "Relecture"],
    "Graphiste": ["Identité visuelle", "Illustration", "Mise en page", "Figma"],
    "Designer UX": ["Recherche utilisateur", "Figma", "Accessibilité", "Prototypage"],
    "Consultante en stratégie": [
        "Stratégie",
        "Conduite du changement",
        "Animation d'ateliers",
    ],
    "Consultant RH": ["Recrutement", "Formation", "Droit du travail", "Management"],
    "Expert-comptable": ["Comptabilité", "Fiscalité", "Création d'entreprise", "Paie"],
    "Comptable indépendante": ["Comptabilité", "Paie", "Tableaux de bord"],
    "Architecte": [
        "Rénovation",
        "Bâti ancien",
        "Éco-construction",
        "Permis de construire",
    ],
    "Journaliste": ["Rédaction", "Reportage", "Podcast", "Fact-checking"],
    "Rédactrice web": ["Rédaction", "SEO", "Réseaux sociaux", "Newsletter"],
    "Formateur": ["Formation", "Pédagogie", "E-learning", "Animation d'ateliers"],
    "Formatrice en langues": ["Anglais", "FLE", "Pédagogie", "E-learning"],
    "Cheffe de projet digital": [
        "Gestion de projet",
        "Agilité",
        "Scrum",
        "Marketing digital",
    ],
    "Data scientist": [
        "Python",
        "Statistiques",
        "Machine learning",
        "Visualisation de données",
    ],
    "Photographe": ["Photographie", "Retouche", "Vidéo", "Drone"],
    "Vidéaste": ["Montage vidéo", "Vidéo", "Motion design", "Sous-titrage"],
    "Community manager": ["Réseaux sociaux", "Marketing digital", "Rédaction", "Canva"],
    "Juriste d'entreprise": ["Droit des contrats", "RGPD", "Propriété intellectuelle"],
    "Ingénieure en agronomie": ["Agroécologie", "Gestion de projet", "Viticulture"],
    "Administratrice systèmes": ["Linux", "Réseaux", "Cybersécurité", "DevOps"],
    "Chargée de communication": ["Communication", "Relations presse", "Événementiel"],
    "Coach professionnel": ["Coaching", "Management", "Conduite du changement"],
    "Assistante virtuelle": ["Secrétariat", "Organisation", "Facturation", "Anglais"],
    "Illustratrice": ["Illustration", "Bande dessinée", "Édition jeunesse"],
    "Ingénieur électronique": ["Électronique", "Systèmes embarqués", "C", "IoT"],
    "Responsable marketing": [
        "Marketing digital",
        "SEO",
        "Stratégie",
        "Analyse de données",
    ],
    "Éditrice": ["Édition", "Relecture", "Mise en page", "Rédaction"],
}

# The CCI team who run the programme and edit the intranet.
NETWORK_EDITORS = [
    ("Claire", "Dubosc"),
    ("Julien", "Lacoste"),
]

COMMITTEE_DESCRIPTIONS = [
    "<p>Le comité d'accueil {of} réunit des élus, des habitants bénévoles et des "
    "nouveaux arrivants installés depuis quelques années. Nous aidons chaque famille "
    "à trouver un logement, une place à l'école ou à la crèche, un médecin et un "
    "coin pour travailler.</p>",
    "<p>{at_cap}, le comité accompagne les nouveaux habitants dès leur première "
    "visite : tour du village, rencontre avec la mairie, présentation des "
    "associations et des commerçants. Un parrain ou une marraine reste votre "
    "contact pendant la première année.</p>",
    "<p>Nous sommes une petite équipe de bénévoles {at}. Nous organisons un "
    "apéritif d'accueil chaque trimestre et connaissons bien les questions de "
    "connexion internet, de logement et de scolarité.</p>",
]
