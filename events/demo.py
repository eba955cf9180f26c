"""The demo network's meetups: a monthly afterwork in Auch (a series), committee
welcome evenings, coworking days and a few network events over the past and
coming months, with answers (some full, with a waiting list) and carpools, all
through the services; then dated back like the rest of the demo's story."""

import random
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Site

from activity import activity
from activity.models import Notification
from committees.models import CommitteeMembership
from events import services
from events.models import EventIndexPage, EventOrganiser, EventPage, Rsvp

AGENDA_INTRO = (
    "Les rencontres du réseau et des comités d'accueil : afterworks, soirées "
    "d'accueil, journées de coworking. Répondez pour réserver votre place."
)
AFTERWORK = (
    "Afterwork du réseau à Auch",
    "Brasserie Le Daroles",
    "2 place de la Libération",
    "<p>Le rendez-vous du premier jeudi du mois : on se retrouve après le travail "
    "pour échanger des nouvelles, des bons plans et des contacts. Les nouveaux "
    "arrivants sont particulièrement bienvenus.</p>",
)
WELCOME = (
    "<p>Le comité accueille les familles arrivées ces derniers mois : présentation "
    "des bénévoles, de la commune et de ses services (école, médecins, marché), "
    "puis apéritif partagé. Venez en famille !</p>"
)
COWORKING = (
    "<p>Une journée de travail ensemble : wifi fibre, café offert, déjeuner tiré "
    "du sac ou au restaurant du coin. Apportez votre ordinateur et votre "
    "casque.</p>"
)
NETWORK_EVENTS = [
    # (title, days from today, start hour, hours, all day, venue, commune, capacity, guests, text)
    ("Rencontre annuelle du réseau Sohosolo", 45, 10, 7, True, "Salle du Mouzon", "Auch", 150, 2,
     "<p>La journée de tout le réseau : bilan de l'année, ateliers, repas gascon et "
     "présentation des familles arrivées dans l'année.</p>"),
    ("Atelier : facturer et se faire payer en freelance", 18, 18, 2, False, "CCI du Gers", "Auch", 20, 0,
     "<p>Devis, factures, relances, acomptes : un expert-comptable répond à vos "
     "questions concrètes.</p>"),
    ("Balade à vélo dans les coteaux", 32, 9, 4, False, "Place de la Halle", "Fleurance", 25, 1,
     "<p>35 km sans difficulté, pique-nique à l'arrivée. Casque obligatoire.</p>"),
    ("Pique-nique de l'été au lac", -120, 12, 4, False, "Base de loisirs", "Saramon", 80, 3,
     "<p>Chacun apporte un plat à partager ; baignade surveillée l'après-midi.</p>"),
    ("Atelier : visioconférence avec une connexion faible", -60, 18, 2, False, "Médiathèque", "Condom", 15, 0,
     "<p>Réglages, matériel et astuces pour des réunions fluides même en ADSL.</p>"),
    ("Soirée jeux de société", -25, 20, 3, False, "Café associatif", "Lectoure", 30, 1,
     "<p>Une soirée détendue autour des jeux ; apportez vos préférés.</p>"),
    ("Marché de Noël des créateurs du réseau", 24, 10, 8, True, "Halle aux grains", "Mirande", None, 3,
     "<p>Les artisans et créateurs du réseau présentent leur travail. Entrée libre.</p>"),
]  # fmt: skip
COWORKING_TOWNS = ["L'Isle-Jourdain", "Fleurance", "Condom", "Eauze", "Lectoure"]


def _agenda() -> EventIndexPage:
    home = Site.objects.get(is_default_site=True).root_page  # the home page
    return EventIndexPage.objects.child_of(home).first() or home.add_child(
        instance=EventIndexPage(title="Agenda", slug="agenda", intro=AGENDA_INTRO)
    )


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _publish(parent, event: EventPage, by, organisers) -> EventPage:
    event = parent.add_child(instance=event)
    for position, person in enumerate(organisers):
        EventOrganiser.objects.create(page=event, member=person, sort_order=position)
    services.event_published(event=event, by=by)
    return event


class _AsIfComing:
    """Answers go through the services, which refuse a meetup that took place: a
    past meetup is moved to the future while its answers are given, then back."""

    def __init__(self, event: EventPage):
        self.event, self.real = event, (event.start, event.end, event.rsvp_deadline)

    def __enter__(self):
        start, end, deadline = self.real
        if start <= timezone.now():
            later = timezone.now() + timedelta(days=400)
            self._move(later, later + (end - start), None)
        elif deadline and deadline <= timezone.now():
            self._move(start, end, None)
        return self.event

    def __exit__(self, *exc):
        self._move(*self.real)

    def _move(self, start, end, deadline):
        EventPage.objects.filter(pk=self.event.pk).update(
            start=start, end=end, rsvp_deadline=deadline
        )
        self.event.start, self.event.end, self.event.rsvp_deadline = (
            start,
            end,
            deadline,
        )


def _answer(event, people, rng, *, fill: float) -> None:
    """About `fill` × capacity members answer (more than 1: a waiting list); a few
    say no, and one of those going cancels later (the waiting list moves)."""
    capacity = event.capacity or 40
    count = min(len(people), max(3, round(capacity * fill / 1.3)))
    going = []
    with _AsIfComing(event):
        for person in rng.sample(people, count):
            if rng.random() < 0.1:
                services.rsvp_set(event=event, user=person, going=False)
                continue
            guests = rng.choice([0, 0, 0, 1, 2])
            guests = min(guests, event.guests_allowed)
            services.rsvp_set(event=event, user=person, going=True, guests=guests)
            going.append(person)
        if going and fill > 1 and rng.random() < 0.5:
            services.rsvp_set(event=event, user=going[0], going=False)


def _carpools(event, rng) -> None:
    """A few drivers among those going, riders asking, seats requested and decided."""
    going = list(
        Rsvp.objects.filter(event=event, status=Rsvp.Status.GOING)
        .exclude(user__profile__commune=None)
        .select_related("user__profile__commune")
    )
    rng.shuffle(going)
    drivers, riders = going[:2], going[2:6]
    offers = []
    for driver in drivers:
        offers.append(
            services.offer_create(
                event=event,
                driver=driver.user,
                commune=driver.user.profile.commune,
                departure=time(
                    max(timezone.localtime(event.start).hour - 1, 7),
                    rng.choice([0, 15, 30]),
                ),
                seats=rng.randint(2, 4),
                note=rng.choice(
                    ["", "Départ de la place de l'église.", "Retour vers 23 h."]
                ),
            )
        )
    for rider in riders:
        services.ride_request_set(
            event=event, user=rider.user, commune=rider.user.profile.commune
        )
        if not offers or rng.random() < 0.3:
            continue
        try:
            seat = services.seat_request(offer=rng.choice(offers), passenger=rider.user)
            if rng.random() < 0.6:
                services.seat_decide(seat=seat, by=seat.offer.driver, accept=True)
        except ValidationError:  # that car is full: the rider keeps looking
            continue


def _date_answers(event, announced: datetime, rng) -> None:
    """Answers (and their feed entries) between the announcement and the start,
    or today for a meetup still to come."""
    last = min(event.start, timezone.now()) - timedelta(hours=2)
    span = max((last - announced).total_seconds(), 3600)
    activity.redate(event, announced)  # "the committee plans a meetup"
    for rsvp in Rsvp.objects.filter(event=event).select_related("user"):
        moment = announced + timedelta(seconds=rng.uniform(0, span))
        Rsvp.objects.filter(pk=rsvp.pk).update(created_at=moment, updated_at=moment)
        activity.redate_about(event, moment, actor=rsvp.user)


def seed_events(members, committees, seed: int, editors) -> None:
    """Idempotent: does nothing once the demo has meetups."""
    if EventPage.objects.exists():
        return
    rng = random.Random(f"{seed}-events")
    scale = min(1.0, len(members) / 280)  # a small test network gets fewer
    agenda = _agenda()
    today = timezone.localdate()
    by_name = {c.commune.name: c for c in committees}
    referents = {
        m.committee_id: m.user
        for m in CommitteeMembership.objects.filter(
            role=CommitteeMembership.Role.REFERENT
        ).select_related("user")
    }
    people_of = {}
    for m in CommitteeMembership.objects.select_related("user"):
        people_of.setdefault(m.committee_id, []).append(m.user)
    events = []  # (event, announced, people, fill)

    # The monthly afterwork: the first Thursday, six months back and six ahead.
    title, venue, address, text = AFTERWORK
    first = services.month_start(day=today, months=-6)
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    host = by_name.get("Auch", committees[0])
    afterwork = _publish(
        agenda,
        EventPage(
            title=title, slug="afterwork-auch", start=_at(thursday, 19),
            end=_at(thursday, 22), venue_name=venue, address=address,
            commune=host.commune, description=text, capacity=40, guests_allowed=1,
        ),
        editors[0], [editors[0], referents.get(host.pk, editors[0])],
    )  # fmt: skip
    series = [afterwork] + services.series_create(
        event=afterwork,
        by=editors[0],
        rule="monthly_weekday",
        count=max(3, round(13 * scale)),
        publish=True,
    )
    for n, event in enumerate(series):
        events.append(
            (
                event,
                event.start - timedelta(days=30),
                members,
                1.2 if n % 3 == 0 else 0.7,
            )
        )

    # Committee welcome evenings: most committees, once in the last five months or
    # the next four.
    for n, committee in enumerate(committees[:24]):
        day = today + timedelta(days=rng.randint(-150, 120))
        day += timedelta(days=(4 - day.weekday()) % 7)  # a Friday
        if (day.month, day.day) >= (12, 20) or (day.month, day.day) <= (1, 3):
            day += timedelta(days=14)  # not over the holidays
        people = people_of.get(committee.pk, []) + rng.sample(members, 10)
        capacity = rng.choice([20, 25, 30, 40])
        event = _publish(
            committee,
            EventPage(
                title=f"Soirée d'accueil des nouveaux habitants — {committee.commune.name}",
                slug=f"soiree-accueil-{day:%Y-%m}", start=_at(day, 18, 30),
                end=_at(day, 21), venue_name="Salle des fêtes",
                commune=committee.commune, description=WELCOME, capacity=capacity,
                guests_allowed=3,
                rsvp_deadline=_at(day - timedelta(days=2), 12) if n % 2 else None,
            ),
            referents.get(committee.pk, editors[0]),
            [referents[committee.pk]] if committee.pk in referents else [],
        )  # fmt: skip
        events.append(
            (
                event,
                event.start - timedelta(days=21),
                people,
                1.25 if n % 4 == 0 else 0.8,
            )
        )

    # Coworking days: small rooms that fill up fast.
    for n in range(max(2, round(16 * scale))):
        town = COWORKING_TOWNS[n % len(COWORKING_TOWNS)]
        committee = by_name.get(town)
        day = today + timedelta(days=(n - 7) * 9)
        day += timedelta(days=(1 - day.weekday()) % 7)  # a Tuesday
        commune = committee.commune if committee else host.commune
        event = _publish(
            committee or agenda,
            EventPage(
                title=f"Journée coworking à {commune.name}",
                slug=f"coworking-{day:%Y-%m-%d}", start=_at(day, 9),
                end=_at(day, 17, 30), venue_name="Tiers-lieu de la commune",
                commune=commune, description=COWORKING, capacity=12,
            ),
            editors[0], [],
        )  # fmt: skip
        events.append(
            (event, event.start - timedelta(days=14), members, 1.4 if n % 2 else 0.9)
        )

    # A few events of the whole network.
    for row in NETWORK_EVENTS[: max(2, round(len(NETWORK_EVENTS) * scale))]:
        title, days, hour, hours, all_day, venue, town, capacity, guests, text = row
        day = today + timedelta(days=days)
        commune = by_name[town].commune if town in by_name else host.commune
        start = _at(day, 0 if all_day else hour)
        event = _publish(
            agenda,
            EventPage(
                title=title, slug=f"{day:%Y-%m}-{len(events)}", start=start,
                end=start if all_day else start + timedelta(hours=hours),
                all_day=all_day, venue_name=venue, commune=commune, description=text,
                capacity=capacity, guests_allowed=guests,
            ),
            editors[1 % len(editors)], [editors[1 % len(editors)]],
        )  # fmt: skip
        events.append((event, event.start - timedelta(days=40), members, 0.9))

    for event, announced, people, fill in events:
        mark = timezone.now()
        _answer(event, people, rng, fill=fill)
        if event.has_started:
            # What the services told members about a meetup now over is no news.
            Notification.objects.filter(created_at__gte=mark).delete()
        elif rng.random() < 0.6:
            _carpools(event, rng)
        _date_answers(event, min(announced, timezone.now() - timedelta(days=1)), rng)
