"""The demo's missions: about 40 over a year, half of them closed, with answers
from the members who fit (`seed_demo`)."""

import random
from datetime import timedelta

from django.utils import timezone

from members.models import Skill, User
from missions import selectors, services
from missions.models import Mission

COUNT = 40

# (title, description, skills, kind, duration, budget)
MISSIONS = [
    ("Traduire en allemand le site d'un domaine viticole",
     "Un domaine de **Madiran** veut son site (une trentaine de pages) et ses fiches techniques en allemand pour le salon ProWein. J'ai l'anglais et l'espagnol, il me manque un·e germaniste.\n\n- livraison en deux lots\n- relecture croisée",
     ["Allemand", "Traduction technique", "Relecture"], "team", "weeks", "1k-5k"),
    ("Sous-titrer une série de vidéos de formation",
     "Une école de cuisine d'Auch a tourné 12 vidéos de 10 minutes : il faut les sous-titrer en français et en anglais. Je fais le montage, je cherche quelqu'un pour le sous-titrage.",
     ["Sous-titrage", "Anglais", "Montage vidéo"], "team", "weeks", "1k-5k"),
    ("Refonte du site d'une coopérative agricole",
     "La coopérative veut un site accessible (RGAA) avec un catalogue de producteurs. Je m'occupe du back-end Django ; il me faut un·e designer UX pour les maquettes et les tests avec les adhérents.",
     ["Figma", "Accessibilité", "Recherche utilisateur"], "team", "months", "5k-15k"),
    ("Identité visuelle d'un festival de jazz",
     "Un festival d'été cherche logo, affiche et déclinaisons pour les réseaux sociaux. Trop de travail pour moi ce printemps : je passe la mission à un·e graphiste du réseau, le client est prévenu.",
     ["Identité visuelle", "Illustration", "Mise en page"], "handover", "weeks", "1k-5k"),
    ("Tenue de la comptabilité d'une SCI familiale",
     "Petite mission récurrente : saisie trimestrielle et déclaration 2072 pour une SCI de trois biens. Je n'ai plus le temps, je la passe volontiers.",
     ["Comptabilité", "Fiscalité"], "handover", "ongoing", "lt1k"),
    ("Atelier de conduite du changement pour une mairie",
     "Une communauté de communes fusionne deux services. Deux journées d'ateliers avec les agents, à co-animer à deux.",
     ["Animation d'ateliers", "Conduite du changement", "Formation"], "team", "days", "1k-5k"),
    ("Audit de sécurité d'un petit réseau d'entreprise",
     "Une PME de Condom (20 postes) veut un audit de son réseau et de ses sauvegardes. Je cherche un·e binôme côté cybersécurité.",
     ["Cybersécurité", "Réseaux", "Linux"], "team", "weeks", "1k-5k"),
    ("Reportage photo pour un office de tourisme",
     "Une série de photos des bastides du Gers pour la brochure 2027 : deux week-ends de prises de vue, drone bienvenu.",
     ["Photographie", "Drone", "Retouche"], "handover", "days", "1k-5k"),
    ("Rédaction de fiches produits et SEO pour une boutique en ligne",
     "Une conserverie artisanale ouvre sa boutique en ligne : 60 fiches produits à rédiger, optimisées pour le référencement.",
     ["Rédaction", "SEO"], "handover", "weeks", "lt1k"),
    ("Tableau de bord des ventes pour une PME",
     "Un négociant en armagnac veut suivre ses ventes : extraction de son ERP, nettoyage, tableau de bord. Je fais la partie données, il me faut quelqu'un pour la visualisation.",
     ["Visualisation de données", "Python", "Tableaux de bord"], "team", "weeks", "5k-15k"),
    ("Formation à l'anglais professionnel pour une équipe commerciale",
     "Dix séances en visio pour six commerciaux, niveau B1. Je cherche un·e formateur·rice pour se partager les groupes.",
     ["Anglais", "Pédagogie", "E-learning"], "team", "months", "1k-5k"),
    ("Rénovation d'une longère : accompagnement du permis",
     "Des nouveaux arrivants à Lectoure rénovent une longère en pierre. Ils cherchent un·e architecte pour le permis et le suivi ; je ne peux pas le prendre, je transmets.",
     ["Rénovation", "Bâti ancien", "Permis de construire"], "handover", "months", "5k-15k"),
    ("Podcast sur les métiers du territoire",
     "Six épisodes de 20 minutes avec des artisans gersois, pour une association. Je fais les interviews, je cherche quelqu'un pour le montage son et la diffusion.",
     ["Podcast", "Reportage", "Réseaux sociaux"], "team", "months", "1k-5k"),
    ("Mise en conformité RGPD d'un cabinet de kinésithérapie",
     "Registre des traitements, mentions d'information, contrats avec les sous-traitants. Mission courte, je la passe à un·e juriste.",
     ["RGPD", "Droit des contrats"], "handover", "days", "lt1k"),
    ("Application mobile de réservation pour un gîte",
     "Un réseau de gîtes veut une petite application de réservation. Je fais l'API, je cherche un·e développeur·se front et quelqu'un pour l'accessibilité.",
     ["JavaScript", "API", "Accessibilité"], "team", "months", "5k-15k"),
    ("Campagne réseaux sociaux pour une foire aux vins",
     "Trois semaines de publications avant la foire de Vic-Fezensac : calendrier, visuels, animation de la page.",
     ["Réseaux sociaux", "Marketing digital", "Canva"], "handover", "weeks", "lt1k"),
    ("Étude agronomique pour une conversion en agroécologie",
     "Un domaine de 40 ha veut passer en agroécologie : diagnostic des sols, plan sur trois ans. Je cherche un·e partenaire en viticulture.",
     ["Agroécologie", "Viticulture", "Gestion de projet"], "team", "months", "5k-15k"),
    ("Secrétariat et facturation pour un cabinet d'architectes",
     "Deux demi-journées par semaine à distance : courrier, relances, facturation. Je suis complète, je passe la mission.",
     ["Secrétariat", "Facturation", "Organisation"], "handover", "ongoing", "1k-5k"),
    ("Vidéo de présentation d'un tiers-lieu",
     "Un tiers-lieu de Marciac veut une vidéo de deux minutes pour sa campagne de financement. Tournage sur une journée, montage et motion design.",
     ["Vidéo", "Montage vidéo", "Motion design"], "team", "days", "1k-5k"),
    ("Recrutement d'un·e chef·fe de projet pour une startup agricole",
     "Une startup de Fleurance cherche son premier chef de projet : définition du poste, sourcing, entretiens. À deux, ce serait plus rapide.",
     ["Recrutement", "Management"], "team", "weeks", "1k-5k"),
    ("Relire un roman jeunesse avant impression",
     "Une petite maison d'édition de Lectoure sort un album illustré en mars : relecture orthotypographique et vérification de la mise en page. Je suis sur un autre livre, je transmets.",
     ["Relecture", "Édition jeunesse", "Mise en page"], "handover", "weeks", "lt1k"),
    ("Capteurs connectés pour des chais",
     "Un viticulteur veut suivre température et humidité de ses chais. Je fais l'électronique des capteurs, je cherche quelqu'un pour le logiciel embarqué et la remontée des données.",
     ["IoT", "Systèmes embarqués", "C"], "team", "months", "5k-15k"),
    ("Traduction espagnole de contrats de distribution",
     "Un négociant exporte vers l'Espagne : trois contrats de distribution à traduire et relire, avec un œil juridique.",
     ["Espagnol", "Droit des contrats", "Traduction technique"], "team", "weeks", "1k-5k"),
    ("Animation d'un séminaire d'équipe à Marciac",
     "Une entreprise toulousaine réunit 25 personnes deux jours pendant le festival. Il faut concevoir et animer les ateliers ; je cherche un·e co-animateur·rice.",
     ["Animation d'ateliers", "Coaching", "Événementiel"], "team", "days", "1k-5k"),
    ("Site vitrine et newsletter pour une ferme équestre",
     "Petit site de cinq pages et une newsletter mensuelle. Je n'ai plus de place avant l'été : je passe la mission.",
     ["Rédaction", "Newsletter", "Réseaux sociaux"], "handover", "weeks", "lt1k"),
    ("Modèle de prévision des ventes pour une conserverie",
     "Prévoir les ventes de foie gras selon la saison et les salons. Données de cinq ans, modèle simple et tableau de bord pour l'équipe.",
     ["Machine learning", "Statistiques", "Python"], "team", "months", "5k-15k"),
    ("Plan de communication pour l'ouverture d'un tiers-lieu",
     "Un tiers-lieu ouvre à Samatan en septembre : plan de communication, relations presse locales, inauguration. À deux, on irait plus vite.",
     ["Communication", "Relations presse", "Événementiel"], "team", "months", "1k-5k"),
    ("Migration de serveurs vers Debian 12",
     "Une association a quatre vieux serveurs à migrer, sauvegardes comprises. Mission courte, je la passe à un·e admin système du réseau.",
     ["Linux", "DevOps", "Réseaux"], "handover", "days", "1k-5k"),
    ("Cours de français langue étrangère pour une famille arrivée d'Italie",
     "Une famille installée à Mirande cherche des cours de FLE à domicile, deux fois par semaine. Je suis complète, qui prend le relais ?",
     ["FLE", "Pédagogie", "Italien"], "handover", "ongoing", "lt1k"),
    ("Bande dessinée sur l'histoire d'une bastide",
     "La mairie de Fourcès veut une BD de 12 pages pour les écoles. Je fais le scénario, je cherche un·e illustrateur·rice.",
     ["Bande dessinée", "Illustration"], "team", "months", "5k-15k"),
    ("Paie et déclarations pour trois salariés",
     "Un restaurant de Condom cherche quelqu'un pour ses bulletins de paie et la DSN chaque mois. Je le transmets, je n'ai plus le temps.",
     ["Paie", "Comptabilité"], "handover", "ongoing", "lt1k"),
    ("Prototype d'application pour des randonnées patrimoniales",
     "L'office de tourisme veut tester une application de randonnée avant de la commander. Prototype cliquable et tests avec des randonneurs.",
     ["Prototypage", "Recherche utilisateur", "Figma"], "team", "weeks", "1k-5k"),
    ("Accompagnement à la création d'une SCOP",
     "Cinq salariés reprennent leur imprimerie en SCOP : statuts, plan de financement, formation à la gestion. Je cherche un·e partenaire côté juridique.",
     ["Création d'entreprise", "Droit du travail", "Formation"], "team", "months", "5k-15k"),
    ("Photos et vidéo d'un mariage à la ferme",
     "Un couple se marie en juin près d'Eauze et cherche photo et vidéo. Je fais la photo, il me faut un·e vidéaste.",
     ["Vidéo", "Montage vidéo", "Photographie"], "team", "days", "1k-5k"),
    ("Référencement d'un site de chambres d'hôtes",
     "Audit SEO et réécriture des pages principales d'un site de chambres d'hôtes. Petite mission, je la transmets.",
     ["SEO", "Rédaction", "Marketing digital"], "handover", "days", "lt1k"),
    ("Module e-learning sur la sécurité au chai",
     "Une coopérative viticole veut un module en ligne de 30 minutes pour ses saisonniers. Je connais le métier, je cherche quelqu'un pour l'e-learning.",
     ["E-learning", "Pédagogie", "Viticulture"], "team", "weeks", "1k-5k"),
    ("Diagnostic d'une grange avant réhabilitation",
     "Des nouveaux arrivants veulent transformer une grange en logement : diagnostic, esquisse, éco-matériaux. Je cherche un·e binôme architecte.",
     ["Éco-construction", "Bâti ancien", "Rénovation"], "team", "weeks", "1k-5k"),
    ("Gestion de projet pour le déploiement d'un logiciel métier",
     "Une maison de santé de Nogaro déploie un nouveau logiciel : six mois de pilotage, à mi-temps. Je passe la main.",
     ["Gestion de projet", "Agilité", "Conduite du changement"], "handover", "months", "5k-15k"),
    ("Analyse d'enquête auprès des adhérents d'une association",
     "Trois cents réponses à un questionnaire à analyser et à restituer en réunion. Je fais la restitution, je cherche quelqu'un pour les statistiques.",
     ["Analyse de données", "Statistiques", "Visualisation de données"], "team", "weeks", "lt1k"),
    ("Protection d'une marque et d'un logo",
     "Une créatrice de bijoux veut déposer sa marque et vérifier les droits sur son logo. Je la mets en relation avec un·e juriste du réseau.",
     ["Propriété intellectuelle", "Identité visuelle"], "handover", "days", "lt1k"),
]  # fmt: skip


def seed_missions(people, seed: int) -> None:
    """Idempotent: does nothing once the demo has missions. Each mission is posted
    by a member, dated over the past year; the older half is closed (filled,
    cancelled or past its date), and members who fit answered."""
    if Mission.objects.exists():
        return
    rng = random.Random(f"{seed}-missions")
    skills = {skill.name: skill for skill in Skill.objects.all()}
    authors = list(
        User.objects.filter(
            pk__in=[p.pk for p in people], profile__isnull=False
        ).select_related("profile__commune")
    )
    today = timezone.localdate()
    now = timezone.now()
    for n in range(COUNT):
        title, description, names, kind, duration, budget = MISSIONS[n % len(MISSIONS)]
        # The older half over a year, the newer half over the last three weeks.
        age = rng.randint(45, 360) if n % 2 else rng.randint(0, 20)
        created = now - timedelta(days=age, hours=rng.randint(0, 10))
        author = rng.choice(authors)
        wanted = [skills[name] for name in names if name in skills]
        if not wanted:
            continue
        closes = created.date() + timedelta(days=rng.randint(21, 40))
        remote = rng.random() < 0.35 or author.profile.commune is None
        mission = services.mission_create(
            author=author,
            title=title,
            description=description,
            kind=kind,
            skills=wanted,
            commune=None if remote else author.profile.commune,
            starts_on=closes + timedelta(days=rng.randint(3, 20)),
            duration=duration,
            budget=budget if rng.random() < 0.8 else "",
            closes_on=closes,
            at=created,
        )
        fits = [
            profile.user
            for profile in selectors.candidates(
                mission=mission, limit=12
            ).select_related("user")[:12]
        ]
        for k, member in enumerate(rng.sample(fits, min(len(fits), rng.randint(0, 4)))):
            services.answer_create(
                member=member,
                mission=mission,
                message=rng.choice(ANSWERS),
                at=created + timedelta(days=1 + k, hours=rng.randint(1, 9)),
            )
        if mission.closes_on < today:
            status = rng.choice(
                [Mission.Status.FILLED] * 3
                + [Mission.Status.CANCELLED, Mission.Status.EXPIRED]
            )
            Mission.objects.filter(pk=mission.pk).update(
                status=status,
                closed_at=min(now, created + timedelta(days=rng.randint(7, 30))),
            )


ANSWERS = [
    "Bonjour, c'est tout à fait dans mes cordes et je suis disponible dès le mois prochain. On s'appelle ?",
    "Intéressée ! J'ai fait une mission très proche l'an dernier pour un client de Toulouse.",
    "Je peux prendre une partie du travail, surtout la relecture. Je suis à deux pas.",
    "Partant pour faire équipe : je vous envoie quelques références par message.",
    "Disponible à mi-temps sur la période, ça vous irait ?",
    "Bonjour, je connais bien ce client, je serais ravi d'en parler.",
]  # fmt: skip
