"""The demo network's feed: news announced, newcomers, posts, comments and reactions,
written through the services, then dated over the last three months."""

import random
from collections.abc import Callable, Iterable
from datetime import datetime, time, timedelta

from django.utils import timezone

from activity import activity, services
from activity.models import FeedPost, Notification, Reaction
from committees.models import CommitteeMembership

QUESTIONS = [
    "Quelqu'un connaît un bon électricien du côté de {town} ? Ma box saute dès que "
    "le four tourne.",
    "Je cherche une place de coworking deux jours par semaine près de {town}. Des "
    "adresses ?",
    "Vous avez testé la 4G Free vers {town} ? Je compare avant de prendre un routeur.",
    "Une idée de garde périscolaire le mercredi à {town} ? Notre fille entre en CE1.",
    "Qui serait partant pour un covoiturage vers Toulouse le jeudi matin ?",
    "Je cherche un comptable qui connaît bien les micro-entrepreneurs. Vos conseils ?",
]
NEWS = [
    "La fibre est arrivée chez nous à {town} ! 900 Mbit/s, enfin des visios sans "
    "coupure.",
    "Petit retour du marché de {town} ce matin : les premières fraises sont là.",
    "Nous avons fini d'aménager notre bureau dans l'ancienne grange. Portes ouvertes "
    "samedi pour ceux qui veulent voir !",
    "Premier hiver dans le Gers : bilan très positif, même avec le chauffage au bois.",
    "Merci au comité de {town} pour l'accueil, on se sent déjà chez nous.",
    "J'organise un atelier **gestion du temps en télétravail** le mois prochain, "
    "inscriptions en commentaire.",
]
OFFERS = [
    "Je prête volontiers ma remorque pour les déménagements, il suffit de demander.",
    "Graphiste, je propose une heure de conseil gratuite aux nouveaux arrivants qui "
    "lancent leur activité.",
    "Des plants de tomates en trop : passez les chercher à {town} !",
    "Je donne un bureau assis-debout en bon état, à récupérer près de {town}.",
]
COMMENTS = [
    "Bonne idée, je suis partant !",
    "Merci pour l'info, très utile.",
    "On en parle à la prochaine rencontre ?",
    "Je t'envoie un message privé.",
    "Pareil pour nous, ça a tout changé.",
    "Bienvenue dans le coin !",
    "Je connais quelqu'un, je te mets en contact.",
    "Super nouvelle, bravo !",
]


def _moment(rng, days_back: int):
    return timezone.now() - timedelta(
        days=days_back, hours=rng.randint(0, 10), minutes=rng.randint(0, 59)
    )


def date_back(obj, moment, since) -> None:
    """Move what a service just wrote (`obj`, its feed entries, the notifications
    created since `since`) to `moment`; those older than five days read."""
    type(obj).objects.filter(pk=obj.pk).update(created_at=moment)
    activity.redate(obj, moment)
    Notification.objects.filter(created_at__gte=since).update(
        created_at=moment,
        read_at=moment if moment < timezone.now() - timedelta(days=5) else None,
    )


def seed_feed(
    members: list,
    committees: list,
    seed: int,
    *,
    news: Iterable,
    announce: Callable[..., bool],
) -> None:
    """Idempotent: does nothing once the demo has posts. `news` are announced in
    the feed by `announce(news=…, by=…)` (the Wagtail site's service)."""
    if FeedPost.objects.exists():
        return
    rng = random.Random(f"{seed}-feed")
    for item in news:
        by = item.author or item.owner
        if by is not None and announce(news=item, by=by):
            moment = timezone.make_aware(
                datetime.combine(item.date, time(rng.randint(8, 18)))
            )
            activity.redate(item, moment)
    newcomers = (
        CommitteeMembership.objects.filter(
            joined_at__gte=timezone.now() - timedelta(days=90)
        )
        .select_related("user", "committee")
        .order_by("joined_at")
    )
    for membership in newcomers:
        activity.record(
            membership.user,
            activity.JOINED,
            target=membership.committee,
            at=membership.joined_at,
        )
    towns = {
        m.user_id: m.committee for m in CommitteeMembership.objects.select_related(
            "committee__commune"
        )
    }  # fmt: skip
    active = [m for m in members if m.pk in towns]
    count = max(10, 160 * len(members) // 280)  # 160 for the default network
    for number in range(count):
        author = rng.choice(active)
        committee = towns[author.pk]
        text = rng.choice(rng.choice([QUESTIONS, NEWS, OFFERS]))
        body = text.format(town=committee.commune.name)
        if rng.random() < 0.15:
            other = rng.choice(active)
            if other.pk != author.pk:
                body += f" @{other.first_name} {other.last_name}, ça te parle ?"
        since = timezone.now()
        post = services.post_create(
            author=author,
            body=body,
            committee=committee if rng.random() < 0.35 else None,
        )
        # Dated at once, so that the rate limit never sees more than one at a time.
        moment = _moment(rng, 90 - number * 90 // count)
        date_back(post, moment, since)
        audience = [m for m in active if m.pk != author.pk]
        for position in range(rng.choice([0, 0, 1, 1, 2, 3, 4])):
            since = timezone.now()
            comment = services.comment_create(
                post=post, author=rng.choice(audience), body=rng.choice(COMMENTS)
            )
            date_back(comment, moment + timedelta(minutes=20 + 90 * position), since)
        for reactor in rng.sample(audience, k=rng.randint(0, 8)):
            services.reaction_toggle(
                post=post, user=reactor, reaction=rng.choice(Reaction.values[:4])
            )
