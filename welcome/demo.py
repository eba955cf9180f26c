"""Demo content owned by `welcome`: three years of installation projects.

About a hundred families settled (most of them are now members of the demo
network: the project of a member who arrived is theirs), two of them left again,
a few projects were abandoned, and a dozen recent ones are on their way, with
sponsors, checklists and conversations with the family."""

import random
from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify
from faker import Faker

from chat import services as chat_services
from chat.models import Message, ReadMarker
from committees.models import CommitteeMembership
from members.models import User
from welcome import services
from welcome.models import (
    Broadband,
    ChecklistItem,
    ChecklistTemplateItem,
    HousingType,
    InstallationProject,
    Person,
    SchoolLevel,
    Stage,
    StageChange,
    Tenure,
    Timeline,
    WorkMode,
)

TEAM_GROUP = "Équipe programme"
SETTLED, DEPARTED, ABANDONED, UNDER_WAY = 100, 2, 8, 12
ORIGINS = [
    "Paris", "Lyon", "Bordeaux", "Toulouse", "Nantes", "Lille", "Marseille",
    "Montpellier", "Rennes", "Strasbourg", "Grenoble", "Bruxelles, Belgique",
    "Genève, Suisse", "Londres, Royaume-Uni", "Montréal, Canada", "Barcelone, Espagne",
]  # fmt: skip
ABANDON_REASONS = [
    "Mutation refusée par l'employeur : le télétravail complet n'est plus possible.",
    "La famille a choisi les Landes, plus près des grands-parents.",
    "Projet reporté sans date, à reprendre plus tard.",
    "Pas de logement trouvé dans le budget.",
    "Plus de nouvelles malgré trois relances.",
]
DEPART_REASONS = [
    "Retour en région parisienne pour raisons familiales.",
    "Nouveau poste sur site à Toulouse, déménagement près de la gare.",
]
PROFESSIONS = [
    ("Développeuse web", WorkMode.EMPLOYEE), ("Traducteur", WorkMode.FREELANCE),
    ("Graphiste", WorkMode.FREELANCE), ("Cheffe de projet", WorkMode.EMPLOYEE),
    ("Comptable", WorkMode.EMPLOYEE), ("Boulanger", WorkMode.TAKEOVER),
    ("Consultante RH", WorkMode.FREELANCE), ("Photographe", WorkMode.CREATION),
    ("Ingénieur data", WorkMode.EMPLOYEE), ("Kinésithérapeute", WorkMode.CREATION),
    ("Libraire", WorkMode.TAKEOVER), ("Journaliste", WorkMode.FREELANCE),
]  # fmt: skip
#: A few words each way: (who, text); {family}, {sponsor}, {committee}, {team}.
EXCHANGES = [
    [
        (
            "family",
            "Bonjour, nous avons deux enfants en primaire : y a-t-il une école "
            "dans le village, ou un ramassage scolaire ?",
        ),
        (
            "team",
            "Bonjour {family}, bienvenue ! Oui, une école à deux classes et le "
            "car pour le collège. Le comité de {committee} vous en dira plus.",
        ),
        (
            "sponsor",
            "Bonjour, je suis {sponsor}, je serai votre contact sur place. "
            "Je peux vous faire visiter l'école samedi si vous passez.",
        ),
        ("family", "Merci beaucoup ! Samedi matin nous irait très bien."),
    ],
    [
        (
            "family",
            "La fibre est-elle vraiment disponible ? Je fais des "
            "visioconférences toute la journée.",
        ),
        (
            "team",
            "Bonne question : la plupart des bourgs sont raccordés, les "
            "hameaux pas toujours. Donnez-nous l'adresse, on vérifie.",
        ),
        (
            "sponsor",
            "Chez moi, à deux kilomètres du bourg, la fibre est arrivée l'an "
            "dernier. Le tiers-lieu a aussi une très bonne connexion.",
        ),
    ],
    [
        (
            "team",
            "Bonjour {family}, nous avons bien lu votre projet. Seriez-vous "
            "disponibles pour un appel de vingt minutes la semaine prochaine ?",
        ),
        ("family", "Avec plaisir, mardi ou jeudi en fin de journée."),
        ("team", "Jeudi 18 h, c'est noté. À jeudi !"),
    ],
    [
        (
            "sponsor",
            "Bonjour ! Le comité organise son apéritif d'accueil vendredi à "
            "la salle des fêtes, vous êtes les bienvenus.",
        ),
        ("family", "Super, nous serons là avec les enfants."),
        (
            "sponsor",
            "Parfait. Je vous présenterai la mairie et deux familles "
            "arrivées l'an dernier.",
        ),
    ],
]


def seed_welcome(members, committees, seed: int, editors=()) -> None:
    if InstallationProject.objects.exists():
        return
    rng = random.Random(f"{seed}-welcome")
    fake = Faker("fr_FR")
    fake.seed_instance(seed + 9)
    team = list(editors)
    Group.objects.get(name=TEAM_GROUP).user_set.add(*team)
    now = timezone.now()
    steps = list(ChecklistTemplateItem.objects.all())
    people_of: dict[int, list] = {}
    committee_of: dict[int, int] = {}
    for committee_id, user_id in CommitteeMembership.objects.order_by(
        "joined_at"
    ).values_list("committee_id", "user_id"):
        people_of.setdefault(committee_id, []).append(user_id)
        committee_of.setdefault(user_id, committee_id)
    users = {user.pk: user for user in User.objects.select_related("profile")}
    committees_by_pk = {c.pk: c for c in committees}
    three_years = now - timedelta(days=3 * 365)

    # The families who came and stayed: members who joined in the last three years.
    arrived = [
        m for m in sorted(members, key=lambda m: m.date_joined)
        if m.date_joined > three_years + timedelta(days=150)
        and committee_of.get(m.pk) in committees_by_pk
    ]  # fmt: skip
    arrived = sorted(rng.sample(arrived, min(SETTLED - 5, len(arrived))),
                     key=lambda m: m.date_joined)  # fmt: skip
    plans = [("member", m, m.date_joined - timedelta(days=rng.randint(60, 150)))
             for m in arrived]  # fmt: skip
    for _ in range(5):  # settled lately, not invited yet
        plans.append(("installed", None, now - timedelta(days=rng.randint(90, 160))))
    for _ in range(DEPARTED):
        plans.append(("departed", None, now - timedelta(days=rng.randint(700, 1000))))
    for _ in range(ABANDONED):
        plans.append(("abandoned", None, now - timedelta(days=rng.randint(60, 1000))))
    for i in range(UNDER_WAY):
        plans.append(("under_way", None, now - timedelta(days=2 + i * 8)))
    plans.sort(key=lambda plan: plan[2])

    for kind, member, received in plans:
        committee = (
            committees_by_pk[committee_of[member.pk]]
            if member
            else rng.choice(committees)
        )
        _project(rng, fake, now, kind, member, received, committee, team, steps,
                 [users[pk] for pk in people_of.get(committee.pk, [])])  # fmt: skip


def _family(rng, fake, member):
    """The household: its first adult is the member when there is one."""
    if member is not None:
        first, last, email = member.first_name, member.last_name, member.email
        profession = getattr(getattr(member, "profile", None), "profession", "")
        work = WorkMode.FREELANCE
    else:
        first, last = fake.first_name(), fake.last_name()
        email = f"{slugify(first)}.{slugify(last)}@famille.example"
        profession, work = rng.choice(PROFESSIONS)
    adults = [{"first_name": first, "last_name": last, "email": email,
                   "profession": profession or "Consultant", "work_mode": work}]  # fmt: skip
    if rng.random() < 0.7:
        partner = fake.first_name()
        other_job, other_work = rng.choice(PROFESSIONS)
        adults.append({
            "first_name": partner, "last_name": last, "profession": other_job,
            "email": f"{slugify(partner)}.{slugify(last)}@famille.example",
            "work_mode": other_work,
        })  # fmt: skip
    children = [
        {
            "first_name": fake.first_name(),
            "school_level": rng.choice(SchoolLevel.values),
        }
        for _ in range(rng.choice([0, 0, 1, 2, 2, 3]))
    ]
    return adults, children


def _route(kind, rng, received, now, installed=None):
    """The stages the project went through, with their dates (a member's family
    settled the days before they joined the network)."""
    day = timedelta(days=1)
    moves = [(Stage.QUALIFIED, received + rng.randint(2, 8) * day)]
    moves.append((Stage.ROUTED, moves[-1][1] + rng.randint(3, 10) * day))
    moves.append((Stage.VISIT, moves[-1][1] + rng.randint(10, 25) * day))
    installed = installed or moves[-1][1] + rng.randint(30, 120) * day
    moves.append((Stage.INSTALLED, installed))
    moves.append((Stage.INTEGRATED, moves[-1][1] + rng.randint(90, 200) * day))
    if kind == "departed":
        moves[-1] = (Stage.DEPARTED, moves[-2][1] + rng.randint(250, 400) * day)
    elif kind == "abandoned":
        moves = moves[: rng.randint(1, 3)]
        moves.append((Stage.ABANDONED, moves[-1][1] + rng.randint(10, 60) * day))
    elif kind == "installed":
        moves = moves[:4]
    elif kind == "under_way":
        moves = moves[: rng.randint(0, 3)]
    return [(stage, at) for stage, at in moves if at < now - day]


def _project(rng, fake, now, kind, member, received, committee, team, steps, locals_):
    adults, children = _family(rng, fake, member)
    installed = member.date_joined - timedelta(days=3) if member else None
    moves = _route(kind, rng, received, now, installed)
    stage, changed = moves[-1] if moves else (Stage.RECEIVED, received)
    routed = any(s == Stage.ROUTED for s, _at in moves)
    candidates = [u for u in locals_ if u.date_joined < received and u != member]
    sponsor = None
    if routed and candidates:
        keen = [u for u in candidates if getattr(u.profile, "helps_newcomers", False)]
        sponsor = rng.choice(keen or candidates)
    project = InstallationProject.objects.create(
        stage=stage, stage_changed_at=changed, created_at=received,
        committee=committee if routed else None, sponsor=sponsor,
        email=adults[0]["email"], current_location=rng.choice(ORIGINS),
        timeline=rng.choice(Timeline.values), tenure=rng.choice(Tenure.values),
        housing_type=rng.choice(HousingType.values),
        broadband=rng.choice(Broadband.values), consent_at=received,
        questions=rng.choice(["", "Quelles écoles autour du village ?",
                              "Existe-t-il un espace de coworking proche ?",
                              "Des médecins acceptent-ils de nouveaux patients ?"]),
        closed_reason=(rng.choice(ABANDON_REASONS) if stage == Stage.ABANDONED
                       else rng.choice(DEPART_REASONS) if stage == Stage.DEPARTED
                       else ""),
    )  # fmt: skip
    project.area_committees.set([committee])
    Person.objects.bulk_create(
        [Person(project=project, is_adult=True, position=i, **a)
         for i, a in enumerate(adults)]
        + [Person(project=project, is_adult=False, position=i, **c)
           for i, c in enumerate(children)]
    )  # fmt: skip
    changes = [StageChange(project=project, to_stage=Stage.RECEIVED, at=received)]
    previous = Stage.RECEIVED
    for to, at in moves:
        field_move = to in (Stage.VISIT, Stage.INSTALLED, Stage.INTEGRATED)
        by = sponsor if field_move and sponsor else rng.choice(team) if team else None
        changes.append(StageChange(project=project, from_stage=previous, to_stage=to,
                                   at=at, by=by, reason=project.closed_reason
                                   if to in (Stage.ABANDONED, Stage.DEPARTED) else ""))  # fmt: skip
        previous = to
    StageChange.objects.bulk_create(changes)
    if routed:
        _checklist(
            rng, now, project, dict(moves)[Stage.ROUTED], steps, sponsor, children
        )
    _conversation(rng, now, project, adults[0], sponsor, team, committee, moves)


def _checklist(rng, now, project, routed_at, steps, sponsor, children):
    settled = project.stage in (Stage.INSTALLED, Stage.INTEGRATED, Stage.DEPARTED)
    items = []
    for step in steps:
        due = (routed_at + timedelta(days=step.due_days)).date()
        if settled or (due < now.date() and rng.random() < 0.6):
            status = ChecklistItem.Status.DONE
        elif due < now.date() and project.stage != Stage.ABANDONED:
            status = ChecklistItem.Status.DOING if rng.random() < 0.5 else "todo"
        else:
            status = ChecklistItem.Status.TODO
        if step.title.startswith("École") and not children:
            status = ChecklistItem.Status.SKIPPED
        items.append(ChecklistItem(
            project=project, title=step.title, description=step.description,
            position=step.position, due_on=due, owner=sponsor, status=status,
            updated_by=sponsor, updated_at=min(now, routed_at + timedelta(days=step.due_days)),
            # Late steps of the past were told: only this week's news is new.
            overdue_told_on=due + timedelta(days=1) if due < now.date() - timedelta(days=7) else None,
        ))  # fmt: skip
    ChecklistItem.objects.bulk_create(items)


def _conversation(rng, now, project, first, sponsor, team, committee, moves):
    services.conversation_open(
        project=project, members=[*team, *([sponsor] if sponsor else [])]
    )
    room, prospect = project.conversation, project.prospect
    script = rng.choice(EXCHANGES if sponsor else EXCHANGES[2:3])
    start = dict(moves).get(Stage.ROUTED, project.created_at + timedelta(days=2))
    authors = {"family": prospect, "team": team[0] if team else prospect,
               "sponsor": sponsor or (team[0] if team else prospect)}  # fmt: skip
    words = {"family": first["first_name"], "committee": committee.title,
             "sponsor": sponsor.first_name if sponsor else "",
             "team": team[0].first_name if team else ""}  # fmt: skip
    messages = []
    at = start
    for who, text in script:
        at = at + timedelta(hours=rng.randint(2, 40))
        if at >= now:
            break
        messages.append(Message(room=room, author=authors[who],
                                body=text.format(**words), created_at=at))  # fmt: skip
    if not messages:
        return
    chat_services.messages_import(messages=messages)
    last = room.messages.order_by("-id").values_list("id", flat=True).first()
    # Everyone has read the past; the family's last words of a recent project wait.
    fresh = project.stage == Stage.RECEIVED or (now - messages[-1].created_at).days < 10
    ReadMarker.objects.filter(room=room).update(last_read_id=last)
    if fresh and messages[-1].author_id == prospect.pk:
        ReadMarker.objects.filter(room=room).exclude(user=prospect).update(
            last_read_id=last - 1
        )
