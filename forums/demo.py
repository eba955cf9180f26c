"""The demo forums: network and committee categories, about 300 topics and 3,000
messages in French over the last year, with mentions and reactions, written through
the services and then dated."""

import random
from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from activity.demo import date_back
from activity.models import Reaction
from committees.models import CommitteeMembership
from forums import services
from forums.models import Category, Post, Topic

NETWORK = [
    ("Questions au réseau", "entraide", "Une question, un conseil : demandez au réseau."),
    ("Télétravail & coworking", "teletravail-coworking",
     "Connexion, matériel, tiers-lieux, organisation du travail à distance."),
    ("Vie locale", "vie-locale", "Marchés, associations, écoles, santé : vivre dans le Gers."),
    ("Petites annonces", "petites-annonces", "Je donne, je vends, je cherche."),
    ("Rencontres", "rencontres", "Afterworks, randonnées, repas partagés."),
    ("Hors-sujet", "hors-sujet", "Tout le reste, avec bonne humeur."),
]  # fmt: skip
TOPICS = {
    "entraide": [
        "Un plombier fiable vers {town} ?", "Déclarer une micro-entreprise dans le Gers",
        "Chauffage au bois : par où commencer ?", "Trouver un médecin traitant",
        "Assurance habitation pour une longère", "Cherche avis sur les pompes à chaleur",
    ],
    "teletravail-coworking": [
        "Starlink ou 4G fixe à {town} ?", "Retour d'expérience : la fibre à {town}",
        "Quel écran pour travailler huit heures par jour ?", "Les tiers-lieux ouverts le samedi",
        "Visio qui coupe : vos astuces", "Un bureau dans la grange : isolation",
    ],
    "vie-locale": [
        "Le marché de {town} le dimanche", "Inscription à l'école de {town}",
        "Associations sportives pour enfants", "Où acheter du bois de chauffage ?",
        "Festival de l'été : qui vient ?", "Les meilleurs producteurs de canard",
    ],
    "petites-annonces": [
        "Donne cartons de déménagement", "Vends vélo électrique", "Cherche colocation de bureau",
        "Prête remorque le week-end", "Vends bureau en chêne", "Cherche garde d'enfants",
    ],
    "rencontres": [
        "Afterwork à {town} le mois prochain", "Randonnée autour de {town}",
        "Repas partagé des nouveaux arrivants", "Club de lecture en ligne",
        "Sortie au marché de Noël", "Pétanque et apéro du jeudi",
    ],
    "hors-sujet": [
        "Vos recettes de garbure", "Le meilleur armagnac pour débuter",
        "Photos de couchers de soleil", "Quel podcast écoutez-vous ?",
    ],
}  # fmt: skip
OPENINGS = [
    "Bonjour à tous, je me pose la question depuis notre arrivée à {town}. Vous avez "
    "des pistes ?",
    "Petit sujet pour partager nos expériences : de notre côté, c'est plutôt positif "
    "mais il y a des surprises.",
    "Je lance le sujet, n'hésitez pas à compléter avec vos adresses et vos conseils.",
    "Nous venons d'emménager près de {town} et nous découvrons tout. **Merci d'avance** "
    "pour vos retours !",
]
REPLIES = [
    "Bonne question, je suis dans le même cas.", "On a eu la même chose l'an dernier.",
    "Je te conseille de demander à la mairie, ils sont très réactifs.",
    "Je t'envoie le contact en message privé.", "Pareil ici, je suis preneur des réponses.",
    "Pour nous ça a pris trois semaines, mais ça vaut le coup.",
    "Il y a aussi une réunion d'information au tiers-lieu, c'est très utile.",
    "Merci pour le partage, c'est noté !", "Attention aux délais en été.",
    "Je confirme, excellent accueil.", "On peut en parler à la prochaine rencontre ?",
    "Voici ce qui a marché pour nous :\n\n- comparer trois devis\n- demander aux voisins\n"
    "- ne pas hésiter à relancer",
]  # fmt: skip


MODERATORS_GROUP = "Modération des échanges"
REPORTS = [
    "Ce message fait de la publicité pour une entreprise sans rapport avec le réseau.",
    "Le ton est agressif envers une autre membre.",
    "Ce numéro de téléphone personnel ne devrait pas être public.",
]


def seed_forums(members, committees, seed: int, moderator=None) -> None:
    """Idempotent: does nothing once the forums have topics. `moderator` joins the
    moderators and finds a few reports waiting."""
    if Topic.objects.exists():
        return
    topics = max(10, 300 * len(members) // 280)  # 300 for the default network
    rng = random.Random(f"{seed}-forums")
    network = [
        Category.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": text, "position": position},
        )[0]
        for position, (name, slug, text) in enumerate(NETWORK)
    ]
    local = []
    for committee in committees[:20]:
        local.append(
            Category.objects.get_or_create(
                slug=f"vie-du-comite-{committee.slug}"[:80],
                defaults={
                    "name": committee.title,
                    "committee": committee,
                    "description": "Les échanges du comité et de ses nouveaux habitants.",
                },
            )[0]
        )
    for committee in committees[:5]:
        local.append(
            Category.objects.get_or_create(
                slug=f"bureau-{committee.slug}"[:80],
                defaults={
                    "name": "Bureau du comité",
                    "committee": committee,
                    "members_only": True,
                    "description": "Réservé aux membres du comité.",
                },
            )[0]
        )
    town_of = {
        m.user_id: m.committee for m in CommitteeMembership.objects.select_related(
            "committee__commune"
        )
    }  # fmt: skip
    people = [m for m in members if m.pk in town_of]
    members_of = {}
    for membership in CommitteeMembership.objects.all():
        members_of.setdefault(membership.committee_id, []).append(membership.user_id)
    by_pk = {person.pk: person for person in people}
    now = timezone.now()
    for number in range(topics):
        category = rng.choice(network) if rng.random() < 0.7 else rng.choice(local)
        pool = (
            [
                by_pk[pk]
                for pk in members_of.get(category.committee_id, [])
                if pk in by_pk
            ]
            if category.committee_id
            else people
        )
        if len(pool) < 2:
            continue
        author = rng.choice(pool)
        town = town_of[author.pk].commune.name
        titles = TOPICS.get(category.slug) or [
            "Des nouvelles de {town}", "Organisation de la prochaine permanence",
            "Accueil des familles arrivées ce mois-ci", "Idées pour la fête du village",
        ]  # fmt: skip
        started = now - timedelta(
            days=365 - number * 365 // topics, hours=rng.randint(0, 12)
        )
        since = timezone.now()
        topic = services.topic_create(
            author=author,
            category=category,
            title=rng.choice(titles).format(town=town),
            body=rng.choice(OPENINGS).format(town=town),
        )
        date_back(topic.last_post, started, since)
        Topic.objects.filter(pk=topic.pk).update(
            created_at=started, last_post_at=started
        )
        moment = started
        for _reply in range(rng.choice([2, 4, 6, 8, 10, 12, 14, 16])):
            moment += timedelta(hours=rng.randint(1, 30))
            if moment >= now:
                break
            replier = rng.choice(pool)
            body = rng.choice(REPLIES)
            if rng.random() < 0.08:
                other = rng.choice(pool)
                body = (
                    f"@{other.first_name} {other.last_name} {body[0].lower()}{body[1:]}"
                )
            since = timezone.now()
            post = services.post_create(author=replier, topic=topic, body=body)
            date_back(post, moment, since)
            for reactor in rng.sample(
                pool, k=min(len(pool), rng.choice([0, 0, 1, 2, 3]))
            ):
                services.reaction_toggle(
                    post=post, user=reactor, reaction=rng.choice(Reaction.values)
                )
        services.recount(topic_id=topic.pk)
    if moderator is not None:
        moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
        shown = list(Post.objects.filter(topic__category__in=network)[:200])
        for reason, post in zip(
            REPORTS, rng.sample(shown, k=len(REPORTS)), strict=True
        ):
            reporter = rng.choice([p for p in people if p.pk != post.author_id])
            services.report_create(post=post, reporter=reporter, reason=reason)
