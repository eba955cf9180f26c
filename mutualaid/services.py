"""Every write of mutual help: entries posted and settled, answers, the
conversation an author starts with whoever answered, expiry, erasure."""

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from activity import activity
from chat import services as chat_services
from communes.models import Commune
from intranet import ratelimit
from intranet.text import clean_text, printable
from members.models import Profile, Skill
from mutualaid import notices, selectors
from mutualaid.models import Category, HelpAnswer, HelpEntry

if TYPE_CHECKING:
    from chat.models import Room
    from members.models import User

POSTED = "posted help"  # feed verb; action_object: the entry
ENTRY_RATE = ratelimit.Rate(10, 60 * 60)
ANSWER_RATE = ratelimit.Rate(30, 60 * 60)
# A new entry tells at most this many members nearby whose profile matches it.
TOLD_AT_MOST = 30


def _active(user: "User") -> None:
    if not (user.is_authenticated and user.is_active):
        raise PermissionDenied(_("Log in to take part in mutual help."))


def _skill(name: str) -> Skill | None:
    name = " ".join(printable(name or "").split())[:50]
    if not name:
        return None
    return Skill.objects.filter(name__iexact=name).first() or Skill.objects.create(
        name=name
    )


def _checked(
    kind: str, category: str, title: str, details: str, days: int | None
) -> tuple[str, str]:
    """The title and details as stored, once the entry's fields are valid
    (`days` None: the expiry stays as it is)."""
    if kind not in HelpEntry.Kind.values:
        raise ValidationError(_("Say whether you offer or ask."), code="kind")
    if category not in Category.values:
        raise ValidationError(_("Choose a category."), code="category")
    if days is not None and not 1 <= days <= HelpEntry.MAX_DAYS:
        raise ValidationError(
            _("An entry lasts between 1 and %(max)d days.")
            % {"max": HelpEntry.MAX_DAYS},
            code="days",
        )
    title = " ".join(
        clean_text(
            title,
            max_length=120,
            empty=_("Give a title."),
            too_long=_("A title holds at most %(max)s characters."),
        ).split()
    )
    details = printable(details or "").strip()
    if len(details) > 1000:
        raise ValidationError(
            _("The details hold at most 1000 characters."), code="too_long"
        )
    return title, details


@transaction.atomic
def entry_create(
    *,
    author: "User",
    kind: str,
    category: str,
    title: str,
    details: str = "",
    commune: Commune | None = None,
    skill: str = "",
    days: int = HelpEntry.DEFAULT_DAYS,
    at: datetime | None = None,
) -> HelpEntry:
    """Post an offer or a request, in `commune` (the author's own by default) for
    `days` days. Records it in the feed and tells the members nearby whose
    profile matches it (`notices.MATCH`). `at` dates it in the past (the demo
    seed): nobody is told then."""
    _active(author)
    title, details = _checked(kind, category, title, details, days)
    if commune is None:
        profile = Profile.objects.filter(user=author).select_related("commune").first()
        commune = profile.commune if profile else None
        if commune is None:
            raise ValidationError(
                _("Choose the commune where it takes place."), code="commune"
            )
    if not ratelimit.spend(f"help-entries:{author.pk}", ENTRY_RATE):
        raise ValidationError(
            ngettext(
                "You may post at most %(count)d entry an hour.",
                "You may post at most %(count)d entries an hour.",
                ENTRY_RATE.limit,
            )
            % {"count": ENTRY_RATE.limit},
            code="rate",
        )
    now = at or timezone.now()
    entry = HelpEntry.objects.create(
        author=author,
        kind=kind,
        category=category,
        title=title,
        details=details,
        commune=commune,
        skill=_skill(skill),
        expires_at=now + timedelta(days=days),
        created_at=now,
    )
    activity.record(author, POSTED, action_object=entry, at=at)
    if at is not None:
        return entry
    near = selectors.communes_near(commune_id=entry.commune_id)
    for line in selectors.matching_lines(entry=entry, limit=TOLD_AT_MOST, near=near):
        notices.match_near(line.profile.user, entry=entry, line=line)
    return entry


def _lock(entry: HelpEntry) -> HelpEntry:
    return HelpEntry.objects.select_for_update().get(pk=entry.pk)


@transaction.atomic
def entry_update(
    *,
    entry: HelpEntry,
    user: "User",
    kind: str,
    category: str,
    title: str,
    details: str = "",
    commune: Commune,
    skill: str = "",
    days: int | None = None,
) -> HelpEntry:
    """Its author changes an open entry (`days`: from now; None keeps the date).
    Its answers stay; nobody is told again."""
    _active(user)
    entry = _lock(entry)
    if entry.author_id != user.pk:
        raise PermissionDenied
    if not entry.is_open:
        raise ValidationError(
            _("A settled or expired entry can no longer be changed."), code="closed"
        )
    entry.title, entry.details = _checked(kind, category, title, details, days)
    entry.kind, entry.category, entry.commune = kind, category, commune
    entry.skill = _skill(skill)
    if days is not None:
        entry.expires_at = timezone.now() + timedelta(days=days)
    entry.save()
    return entry


@transaction.atomic
def entry_close(*, entry: HelpEntry, user: "User") -> HelpEntry:
    """« C'est réglé »: its author (or a moderator) closes the entry; closing it
    again changes nothing."""
    _active(user)
    entry = _lock(entry)
    if entry.author_id != user.pk and not selectors.is_moderator(user=user):
        raise PermissionDenied(_("Only its author may say it is settled."))
    if entry.status == HelpEntry.Status.OPEN:
        entry.status = HelpEntry.Status.CLOSED
        entry.closed_at = timezone.now()
        entry.save(update_fields=["status", "closed_at"])
    return entry


@transaction.atomic
def entry_hide(*, entry: HelpEntry, by: "User", hidden: bool = True) -> None:
    """Hide an entry from every list, feed, match and search but its author's and
    the moderators' (or show it again): moderators only. What reports call
    (`intranet.shell.reports`)."""
    if not selectors.is_moderator(user=by):
        raise PermissionDenied(_("Only moderators may hide an entry."))
    entry = _lock(entry)
    entry.hidden_at = timezone.now() if hidden else None
    entry.hidden_by = by if hidden else None
    entry.save(update_fields=["hidden_at", "hidden_by"])


@transaction.atomic
def answer_create(
    *, entry: HelpEntry, author: "User", message: str, at: datetime | None = None
) -> HelpAnswer:
    """« Je peux aider » / « Ça m'intéresse »: one answer per member to an open
    entry of someone else, which its author is told of (`notices.ANSWERED`).
    `at` dates it in the past (the demo seed, for entries since settled)."""
    _active(author)
    entry = _lock(entry)
    visible = selectors.visible_entries(viewer=author).filter(pk=entry.pk).exists()
    if not visible or entry.hidden_at is not None:
        raise PermissionDenied(_("This entry cannot be answered."))
    if entry.author_id == author.pk:
        raise ValidationError(_("You cannot answer your own entry."), code="own")
    if not entry.is_open and at is None:
        raise ValidationError(
            _("This entry is settled or has expired: it takes no more answers."),
            code="closed",
        )
    message = " ".join(
        clean_text(
            message,
            max_length=500,
            empty=_("Write a short message for its author."),
            too_long=_("A message holds at most %(max)s characters."),
        ).split()
    )
    if HelpAnswer.objects.filter(entry=entry, author=author).exists():
        raise ValidationError(_("You already answered this entry."), code="twice")
    if not ratelimit.spend(f"help-answers:{author.pk}", ANSWER_RATE):
        raise ValidationError(
            _("You answered many entries this hour. Wait a little."), code="rate"
        )
    answer = HelpAnswer.objects.create(
        entry=entry, author=author, message=message, created_at=at or timezone.now()
    )
    if at is None:
        notices.answered(answer)
    return answer


@transaction.atomic
def conversation_start(*, answer: HelpAnswer, user: "User") -> "Room":
    """The entry's author opens the direct conversation with whoever answered."""
    _active(user)
    if answer.entry.author_id != user.pk:
        raise PermissionDenied(_("Only the entry's author may start this."))
    return chat_services.conversation_for(user=user, others=[answer.author])


def close_expired(*, now: datetime | None = None) -> int:
    """Write down as closed the open entries whose expiry passed; how many. Two
    copies at once close each entry once (the second finds them closed)."""
    now = now or timezone.now()
    with transaction.atomic():
        return HelpEntry.objects.filter(
            status=HelpEntry.Status.OPEN, expires_at__lte=now
        ).update(status=HelpEntry.Status.CLOSED, closed_at=now)


@transaction.atomic
def member_erase(*, user: "User") -> None:
    """A member's entries and answers go; entries they hid stay hidden, by nobody."""
    HelpAnswer.objects.filter(author=user).delete()
    HelpEntry.objects.filter(author=user).delete()
    HelpEntry.objects.filter(hidden_by=user).update(hidden_by=None)
