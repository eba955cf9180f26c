"""Missions: the only code that writes missions and their answers."""

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from activity import activity
from chat import services as chat_services
from chat.models import Room
from committees import rights
from communes.models import Commune
from intranet import ratelimit
from intranet.text import clean_text
from members.models import Skill, User
from missions import notices, selectors
from missions.models import POSTED, Answer, Mission

TITLE_MAX = 160
DESCRIPTION_MAX = 8000
MESSAGE_MAX = 1000
MAX_SKILLS = 10
LONGEST_OPEN = 120  # days a mission may take answers
# At most this many members are told of a new mission (the best fits).
TOLD_MAX = 40
PER_DAY = 5
RATE = ratelimit.Rate(PER_DAY, 24 * 3600)
ANSWERS_PER_HOUR = 20
ANSWER_RATE = ratelimit.Rate(ANSWERS_PER_HOUR, 3600)


def _require_member(user: User) -> None:
    if not (user.is_authenticated and user.is_active):
        raise PermissionDenied


def _clean_title(title: str) -> str:
    return clean_text(
        " ".join((title or "").split()),
        max_length=TITLE_MAX,
        empty=_("Give the mission a title."),
        too_long=_("The title has %(count)s characters; at most %(max)s."),
    )


def _check_dates(starts_on: date, closes_on: date) -> None:
    today = timezone.localdate()
    if closes_on < today:
        raise ValidationError(
            _("The closing date is past: choose today or later."), code="closed"
        )
    if closes_on > today + timedelta(days=LONGEST_OPEN):
        raise ValidationError(
            _("Answers may be taken for at most %(days)s days.")
            % {"days": LONGEST_OPEN},
            code="too_far",
        )
    if starts_on < today - timedelta(days=1):
        raise ValidationError(_("The start is past."), code="start_past")


def _check_choices(kind: str, duration: str, budget: str) -> None:
    if (
        kind not in Mission.Kind.values
        or duration not in Mission.Duration.values
        or (budget and budget not in Mission.Budget.values)
    ):
        raise ValidationError(_("Choose among the options offered."), code="choice")


def _checked(
    title: str,
    description: str,
    skills: Iterable[Skill],
    kind: str,
    duration: str,
    budget: str,
) -> tuple[str, str, list[Skill]]:
    """The title, the description and the skills as stored, once all is valid."""
    title = _clean_title(title)
    description = clean_text(
        description,
        max_length=DESCRIPTION_MAX,
        empty=_("Describe the mission."),
        too_long=_("The description has %(count)s characters; at most %(max)s."),
    )
    skills = list({skill.pk: skill for skill in skills}.values())
    if not skills:
        raise ValidationError(_("Name at least one skill wanted."), code="no_skill")
    if len(skills) > MAX_SKILLS:
        raise ValidationError(
            _("At most %(max)s skills.") % {"max": MAX_SKILLS}, code="skills"
        )
    _check_choices(kind, duration, budget)
    return title, description, skills


@transaction.atomic
def mission_create(
    *,
    author: User,
    title: str,
    description: str,
    kind: str,
    skills: Iterable[Skill],
    commune: Commune | None,
    starts_on: date,
    duration: str,
    closes_on: date,
    budget: str = "",
    at: datetime | None = None,
) -> Mission:
    """Post a mission: a feed entry for the members, and the best fits told after
    commit (their choice per kind; the digest by default)."""
    _require_member(author)
    title, description, skills = _checked(
        title, description, skills, kind, duration, budget
    )
    if at is None:
        _check_dates(starts_on, closes_on)
        if not ratelimit.spend(f"missions:{author.pk}", RATE):
            raise ValidationError(
                ngettext(
                    "You may post at most %(count)s mission a day.",
                    "You may post at most %(count)s missions a day.",
                    PER_DAY,
                )
                % {"count": PER_DAY},
                code="rate",
            )
    now = at or timezone.now()
    mission = Mission.objects.create(
        author=author,
        title=title,
        description=description,
        kind=kind,
        commune=commune,
        starts_on=starts_on,
        duration=duration,
        budget=budget,
        closes_on=closes_on,
        created_at=now,
        updated_at=now,
    )
    mission.skills.set(skills)
    activity.record(author, POSTED, action_object=mission, at=at)
    if at is None:
        transaction.on_commit(lambda: tell_matching(mission=mission))
    return mission


def tell_matching(*, mission: Mission) -> int:
    """Tell the best-fitting members of `mission` (one query finds them, at most
    `TOLD_MAX`; those who turned the kind off are left out in it)."""
    members = list(selectors.members_to_tell(mission=mission, limit=TOLD_MAX))
    with transaction.atomic():
        notices.matching(mission=mission, members=members)
    return len(members)


def _require_author(user: User, mission: Mission) -> None:
    _require_member(user)
    if mission.author_id != user.pk:
        raise PermissionDenied


def _locked(mission: Mission) -> Mission:
    return Mission.objects.select_for_update().get(pk=mission.pk)


@transaction.atomic
def mission_close(*, user: User, mission: Mission, status: str) -> Mission:
    """The author closes their mission as filled or cancelled; those who answered
    are told."""
    _require_author(user, mission)
    if status not in (Mission.Status.FILLED, Mission.Status.CANCELLED):
        raise ValidationError(_("Choose among the options offered."), code="choice")
    mission = _locked(mission)
    if mission.status != Mission.Status.OPEN:
        raise ValidationError(_("This mission is already closed."), code="closed")
    mission.status = status
    mission.closed_at = mission.updated_at = timezone.now()
    mission.save(update_fields=["status", "closed_at", "updated_at"])
    members = User.objects.filter(
        pk__in=Answer.objects.filter(mission=mission).values("member_id"),
        is_active=True,
    )
    notices.closed(mission=mission, members=members)
    return mission


@transaction.atomic
def mission_update(
    *,
    user: User,
    mission: Mission,
    title: str,
    description: str,
    kind: str,
    skills: Iterable[Skill],
    commune: Commune | None,
    starts_on: date,
    duration: str,
    closes_on: date,
    budget: str = "",
) -> Mission:
    """The author changes their open mission; its answers stay, and nobody is
    told again (the best fits were told when it was posted)."""
    _require_author(user, mission)
    mission = _locked(mission)
    if not mission.is_open():
        raise ValidationError(
            _("A closed mission can no longer be changed."), code="closed"
        )
    title, description, skills = _checked(
        title, description, skills, kind, duration, budget
    )
    if starts_on != mission.starts_on or closes_on != mission.closes_on:
        # A start already past may stay; a new one may not be.
        unchanged = starts_on == mission.starts_on
        _check_dates(timezone.localdate() if unchanged else starts_on, closes_on)
    mission.title, mission.description, mission.kind = title, description, kind
    mission.commune, mission.starts_on, mission.duration = commune, starts_on, duration
    mission.closes_on, mission.budget = closes_on, budget
    mission.updated_at = timezone.now()
    mission.save()
    mission.skills.set(skills)
    return mission


def _readable(user: User, mission: Mission) -> None:
    if not selectors.readable(user=user).filter(pk=mission.pk).exists():
        raise PermissionDenied


@transaction.atomic
def answer_create(
    *, member: User, mission: Mission, message: str, at: datetime | None = None
) -> Answer:
    """« Je suis intéressé·e »: once per member and mission, while it is open."""
    _require_member(member)
    _readable(member, mission)
    mission = _locked(mission)
    if mission.author_id == member.pk:
        raise ValidationError(
            _("This is your own mission."), code="own"
        )  # fmt: skip
    if at is None and (not mission.is_open() or mission.hidden_at is not None):
        raise ValidationError(_("This mission is closed."), code="closed")
    message = clean_text(
        message,
        max_length=MESSAGE_MAX,
        empty=_("Say in a few words why you are interested."),
        too_long=_("The message has %(count)s characters; at most %(max)s."),
    )
    if Answer.objects.filter(mission=mission, member=member).exists():
        raise ValidationError(_("You already answered this mission."), code="twice")
    if at is None and not ratelimit.spend(f"mission-answers:{member.pk}", ANSWER_RATE):
        raise ValidationError(
            _("Too many answers in an hour: wait a moment."), code="rate"
        )
    answer = Answer.objects.create(
        mission=mission, member=member, message=message, created_at=at or timezone.now()
    )
    Mission.objects.filter(pk=mission.pk).update(answer_count=F("answer_count") + 1)
    if at is None:
        notices.answered(answer=answer)
    return answer


@transaction.atomic
def answer_withdraw(*, member: User, mission: Mission) -> None:
    """Take my answer back while the mission is open."""
    _require_member(member)
    mission = _locked(mission)
    deleted, _count = Answer.objects.filter(mission=mission, member=member).delete()
    if not deleted:
        raise ValidationError(_("You have not answered this mission."), code="none")
    Mission.objects.filter(pk=mission.pk, answer_count__gt=0).update(
        answer_count=F("answer_count") - 1
    )


@transaction.atomic
def conversation_open(*, user: User, mission: Mission, members: Iterable[int]) -> Room:
    """The author opens the chat's conversation with some of those who answered
    (a group conversation when several)."""
    _require_author(user, mission)
    ids = set(members)
    chosen = list(
        User.objects.filter(
            pk__in=Answer.objects.filter(mission=mission, member_id__in=ids).values(
                "member_id"
            ),
        )
    )
    if not ids or len(chosen) != len(ids):
        raise ValidationError(
            _("Choose among the members who answered."), code="choice"
        )
    return chat_services.conversation_for(user=user, others=chosen)


@transaction.atomic
def mission_hide(*, mission: Mission, by: User, hidden: bool = True) -> None:
    """Hide a mission from the lists, the feeds and the search (or show it again):
    moderators only. Its author and the moderators still read it, marked hidden.
    Called by the moderation queue on a report (`intranet.shell.reports`) too."""
    _require_member(by)
    if not rights.can_moderate(user=by):
        raise PermissionDenied
    mission = _locked(mission)
    mission.hidden_at = timezone.now() if hidden else None
    mission.hidden_by = by if hidden else None
    mission.save(update_fields=["hidden_at", "hidden_by"])


def close_expired(*, today: date | None = None) -> int:
    """Mark the open missions past their closing date as expired: one UPDATE,
    so two runs at once close each mission once."""
    today = today or timezone.localdate()
    now = timezone.now()
    return Mission.objects.filter(
        status=Mission.Status.OPEN, closes_on__lt=today
    ).update(status=Mission.Status.EXPIRED, closed_at=now, updated_at=now)


# --- Personal data ------------------------------------------------------------------


@transaction.atomic
def member_missions_erase(*, user: User) -> None:
    """A member who leaves takes their missions (and their answers) and their
    answers to others' missions with them; those missions' counts follow."""
    Mission.objects.filter(author=user).delete()
    answered = list(
        Answer.objects.filter(member=user).values_list("mission_id", flat=True)
    )
    Answer.objects.filter(member=user).delete()
    Mission.objects.filter(pk__in=answered, answer_count__gt=0).update(
        answer_count=F("answer_count") - 1
    )
