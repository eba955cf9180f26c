"""Writes of the territory: members' broadband tests and the communes' figures."""

import statistics
from datetime import date, datetime, timedelta

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from communes.models import Commune
from intranet import ratelimit
from intranet.text import printable
from members.models import User
from territory import notices, selectors
from territory.models import (
    MAX_LATENCY_MS,
    MAX_MBPS,
    CommuneBroadband,
    MeetingProposal,
    Place,
    Source,
    SpeedTest,
    Technology,
    WorkspacePage,
    WorkspaceRegular,
)

# A few results per member and hour: enough to test again after moving the box,
# not enough to drown a commune's median.
TESTS_PER_HOUR = 5
TEST_RATE = ratelimit.Rate(TESTS_PER_HOUR, 60 * 60)
# A test copied by hand may be up to a year old.
OLDEST_MANUAL = timedelta(days=366)


def _check_figures(
    *, download_mbps: float, upload_mbps: float, latency_ms: float
) -> None:
    errors: dict[str, str] = {}
    for field, value, top in (
        ("download_mbps", download_mbps, MAX_MBPS),
        ("upload_mbps", upload_mbps, MAX_MBPS),
    ):
        if not 0 <= value <= top:
            errors[field] = _("Give a speed between 0 and 10,000 Mb/s (10 Gb/s).")
    if not 0 <= latency_ms <= MAX_LATENCY_MS:
        errors["latency_ms"] = _("Give a latency between 0 and 10,000 ms (10 seconds).")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def speed_test_record(
    *,
    user: User,
    commune: Commune,
    technology: str,
    place: str,
    download_mbps: float,
    upload_mbps: float,
    latency_ms: float,
    source: str = Source.BROWSER,
    measured_at: datetime | None = None,
    workspace: WorkspacePage | None = None,
) -> SpeedTest:
    """Store a member's test (impossible values refused, a few per hour at most)
    and recompute its commune's figures."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    if technology not in Technology.values or place not in Place.values:
        raise ValidationError(_("Choose a technology and a place from the list."))
    if workspace is not None:
        if not workspace.live:
            raise ValidationError({"workspace": _("This place is not published.")})
        # A test in a workspace of the directory is of its line, in its commune.
        place, commune = Place.WORKSPACE, workspace.commune
    if source not in Source.values:
        raise ValidationError(_("Unknown source of the measure."))
    _check_figures(
        download_mbps=download_mbps, upload_mbps=upload_mbps, latency_ms=latency_ms
    )
    now = timezone.now()
    if measured_at is None or source == Source.BROWSER:
        measured_at = now
    elif measured_at > now + timedelta(minutes=5):
        raise ValidationError({"measured_on": _("The date is in the future.")})
    elif measured_at < now - OLDEST_MANUAL:
        raise ValidationError(
            {"measured_on": _("Only tests of the last twelve months are kept.")}
        )
    if not ratelimit.spend(f"speed-tests:{user.pk}", TEST_RATE):
        raise ValidationError(
            _(
                "You have recorded %(count)d tests in the last hour: "
                "try again a little later."
            )
            % {"count": TESTS_PER_HOUR}
        )
    test = SpeedTest.objects.create(
        user=user,
        commune=commune,
        technology=technology,
        place=place,
        download_mbps=round(download_mbps, 2),
        upload_mbps=round(upload_mbps, 2),
        latency_ms=round(latency_ms, 1),
        source=source,
        measured_at=measured_at,
        workspace=workspace,
    )
    commune_recompute(commune_id=commune.pk)
    return test


@transaction.atomic
def speed_test_delete(*, user: User, test: SpeedTest) -> None:
    """Delete one of the member's own tests and recompute its commune's figures."""
    if test.user_id != user.pk:
        raise PermissionDenied
    commune_id = test.commune_id
    test.delete()
    commune_recompute(commune_id=commune_id)


@transaction.atomic
def member_tests_erase(*, user: User) -> None:
    """Every test of the member goes; the figures of their communes follow."""
    communes = set(
        SpeedTest.objects.filter(user=user).values_list("commune_id", flat=True)
    )
    SpeedTest.objects.filter(user=user).delete()
    for commune_id in sorted(communes):
        commune_recompute(commune_id=commune_id)


def _summary(tests: list[tuple[int, float, float, float, datetime]]) -> dict:
    return {
        "median_download": statistics.median(t[1] for t in tests),
        "median_upload": statistics.median(t[2] for t in tests),
        "median_latency": statistics.median(t[3] for t in tests),
        "tests": len(tests),
        "members": len({t[0] for t in tests}),
        "latest_at": max(t[4] for t in tests),
    }


@transaction.atomic
def commune_recompute(*, commune_id: int) -> None:
    """Recompute the figures of one commune from its home tests (all
    technologies together, then each one), the commune's row locked so that two
    tests recorded at once both count."""
    # The lock serialises the recomputations of a commune (PostgreSQL; SQLite
    # serialises every write anyway).
    Commune.objects.select_for_update().filter(pk=commune_id).values("pk").first()
    rows = list(
        SpeedTest.objects.filter(commune_id=commune_id, place=Place.HOME).values_list(
            "user_id",
            "download_mbps",
            "upload_mbps",
            "latency_ms",
            "measured_at",
            "technology",
        )
    )
    groups: dict[str, list] = {"": rows}
    for row in rows:
        groups.setdefault(row[5], []).append(row)
    CommuneBroadband.objects.filter(commune_id=commune_id).delete()
    CommuneBroadband.objects.bulk_create(
        [
            CommuneBroadband(commune_id=commune_id, technology=tech, **_summary(tests))
            for tech, tests in groups.items()
            if tests
        ]
    )
    key = selectors.sheet_key(commune_id=commune_id)
    cache.delete(key)
    # Again once committed: a reader in between may have cached the old figures.
    transaction.on_commit(lambda: cache.delete(key))


# Workspaces

MEETINGS_PER_DAY = 5
MEETING_RATE = ratelimit.Rate(MEETINGS_PER_DAY, 24 * 60 * 60)
MEETING_HORIZON = timedelta(days=60)


def _member(user: User) -> None:
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied


@transaction.atomic
def workspace_regular_set(
    *, user: User, workspace: WorkspacePage, works_there: bool
) -> bool:
    """« J'y travaille » on or off for the member (members only); whether it is on."""
    _member(user)
    if not workspace.live:
        raise ValidationError(_("This place is not published."))
    if works_there:
        WorkspaceRegular.objects.get_or_create(user=user, workspace=workspace)
    else:
        WorkspaceRegular.objects.filter(user=user, workspace=workspace).delete()
    return works_there


@transaction.atomic
def meeting_propose(
    *, user: User, workspace: WorkspacePage, day: date, note: str = ""
) -> MeetingProposal:
    """Propose a day to work together at the place; its regulars are told (a few
    proposals per member and day)."""
    _member(user)
    if not workspace.live:
        raise ValidationError(_("This place is not published."))
    today = timezone.localdate()
    if not today <= day <= today + MEETING_HORIZON:
        raise ValidationError(
            {"day": _("Choose a day between today and two months from now.")}
        )
    if not ratelimit.spend(f"workspace-meetings:{user.pk}", MEETING_RATE):
        raise ValidationError(
            _("You have proposed %(count)d meetings today: try again tomorrow.")
            % {"count": MEETINGS_PER_DAY}
        )
    note = printable(note).strip()
    if len(note) > 300:
        raise ValidationError({"note": _("At most 300 characters.")})
    proposal = MeetingProposal.objects.create(
        user=user, workspace=workspace, day=day, note=note
    )
    regulars = (
        WorkspaceRegular.objects.filter(workspace=workspace, user__is_active=True)
        .exclude(user=user)
        .select_related("user")
    )
    for regular in regulars:
        notices.meeting_proposed(regular.user, proposal=proposal, workspace=workspace)
    return proposal


@transaction.atomic
def member_workspaces_erase(*, user: User) -> None:
    """The member's « j'y travaille » and proposals go."""
    WorkspaceRegular.objects.filter(user=user).delete()
    MeetingProposal.objects.filter(user=user).delete()
