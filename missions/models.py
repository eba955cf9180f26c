"""Missions and collaborations (issue #24): a member offers work too big for one,
or a job to pass on; members who fit answer « Je suis intéressé·e »."""

from datetime import date

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from activity.models import Hideable
from intranet.fulltext import StoredVector, WithoutVector
from intranet.links import reverse


class MissionQuerySet(models.QuerySet["Mission"]):
    def shown(self) -> "MissionQuerySet":
        """Not hidden by the moderators."""
        return self.filter(hidden_at__isnull=True)

    def open(self, today: date | None = None) -> "MissionQuerySet":
        """Open and not past their closing date (closed on read, before the
        `close_expired_missions` command marks them)."""
        today = today or timezone.localdate()
        return self.filter(status=Mission.Status.OPEN, closes_on__gte=today)


class Mission(Hideable):
    class Kind(models.TextChoices):
        TEAM = "team", _("Looking for a partner to team up with")
        HANDOVER = "handover", _("Passing the mission on")

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("mission", "Open")
        FILLED = "filled", pgettext_lazy("mission", "Filled")
        CANCELLED = "cancelled", pgettext_lazy("mission", "Cancelled")
        EXPIRED = "expired", pgettext_lazy("mission", "Expired")

    class Duration(models.TextChoices):
        DAYS = "days", _("A few days")
        WEEKS = "weeks", _("A few weeks")
        MONTHS = "months", _("A few months")
        ONGOING = "ongoing", _("Ongoing, recurring")

    class Budget(models.TextChoices):
        UNDER_1K = "lt1k", _("Under €1,000")
        FROM_1K = "1k-5k", _("€1,000 to €5,000")
        FROM_5K = "5k-15k", _("€5,000 to €15,000")
        OVER_15K = "gt15k", _("Over €15,000")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), max_length=8000)
    kind = models.CharField(_("what I am looking for"), max_length=10, choices=Kind)
    skills = models.ManyToManyField(
        "members.Skill", verbose_name=_("skills wanted"), related_name="+"
    )
    # None: remote.
    commune = models.ForeignKey(
        "communes.Commune",
        verbose_name=_("where"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    starts_on = models.DateField(_("start"))
    duration = models.CharField(_("duration"), max_length=10, choices=Duration)
    budget = models.CharField(_("budget"), max_length=10, choices=Budget, blank=True)
    closes_on = models.DateField(_("answers until"))
    status = models.CharField(max_length=10, choices=Status, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Kept by the services (no database-side trigger).
    answer_count = models.PositiveIntegerField(default=0)
    # Title and description for the site search (GIN on PostgreSQL; NULL on SQLite).
    search_vector = models.GeneratedField(
        expression=StoredVector("title", "description"),
        output_field=SearchVectorField(null=True),
        db_persist=True,
    )

    objects = WithoutVector.from_queryset(MissionQuerySet)()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("mission")
        verbose_name_plural = _("missions")
        indexes = [
            # The open missions, newest first; the expiry command's walk.
            models.Index(
                fields=["status", "closes_on", "-created_at"], name="missions_open"
            ),
            models.Index(fields=["author", "-created_at"], name="missions_by_author"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("missions:detail", args=[self.pk])

    def is_open(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.status == self.Status.OPEN and self.closes_on >= today

    @property
    def shown_status(self) -> str:
        """The status as read: an open mission past its date is expired."""
        if self.status == self.Status.OPEN and not self.is_open():
            return self.Status.EXPIRED
        return self.status

    def get_shown_status_display(self) -> str:
        return str(self.Status(self.shown_status).label)

    @property
    def is_remote(self) -> bool:
        return self.commune_id is None


class Answer(models.Model):
    """« Je suis intéressé·e »: a member's short message to the author."""

    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, related_name="answers"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    message = models.TextField(_("message"), max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("answer to a mission")
        verbose_name_plural = _("answers to missions")
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "member"], name="missions_one_answer_each"
            )
        ]
        indexes = [
            models.Index(fields=["member", "-created_at"], name="missions_answers_of")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} → {self.mission_id}"


# The feed entry a new mission makes (a verb of its own: stored untranslated).
POSTED = "posted a mission"  # action_object: the mission
