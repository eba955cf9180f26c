"""Mutual help (« Entraide », issue #24): short offers and requests between
members (lend or borrow, a ride, a childcare swap, tools, advice…), each in a
commune and until a date, and the answers other members give to them.

An entry is open until its author says « c'est réglé » or its expiry passes:
pages read an expired entry as closed at once (`HelpEntry.is_open`,
`HelpEntryQuerySet.open`), and `manage.py close_expired_help` writes it down.
"""

from datetime import datetime

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activity.models import Hideable
from intranet.fulltext import StoredVector, WithoutVector
from intranet.links import reverse


class Category(models.TextChoices):
    LEND = "lend", _("Lend or borrow")
    RIDE = "ride", _("Ride")
    CHILDCARE = "childcare", _("Childcare swap")
    TOOLS = "tools", _("Tools and equipment")
    ADVICE = "advice", _("Advice")
    OTHER = "other", _("Other")


class HelpEntryQuerySet(models.QuerySet["HelpEntry"]):
    def open(self, now: datetime | None = None):
        """Open and not yet expired (whether or not the command closed it)."""
        return self.filter(
            status=HelpEntry.Status.OPEN, expires_at__gt=now or timezone.now()
        )

    def closed(self):
        return self.exclude(status=HelpEntry.Status.OPEN, expires_at__gt=timezone.now())

    def shown(self):
        return self.filter(hidden_at__isnull=True)


class HelpEntry(Hideable):
    """A member offers or asks for help."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("Offer")
        REQUEST = "request", _("Request")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Settled")

    DEFAULT_DAYS = 30
    MAX_DAYS = 90

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="help_entries",
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    category = models.CharField(_("category"), max_length=10, choices=Category.choices)
    title = models.CharField(_("title"), max_length=120)
    details = models.TextField(_("details"), max_length=1000, blank=True)
    skill = models.ForeignKey(
        "members.Skill",
        verbose_name=_("skill"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="help_entries",
    )
    commune = models.ForeignKey(
        "communes.Commune",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="help_entries",
    )
    expires_at = models.DateTimeField(_("until"))
    status = models.CharField(
        _("status"), max_length=6, choices=Status.choices, default=Status.OPEN
    )
    closed_at = models.DateTimeField(_("settled on"), null=True, blank=True)
    created_at = models.DateTimeField(_("posted on"), default=timezone.now)
    # The title and details for the matching and the site search (GIN index on
    # PostgreSQL; NULL on SQLite, which searches the text itself).
    search_vector = models.GeneratedField(
        expression=StoredVector("title", "details"),
        output_field=SearchVectorField(null=True),
        db_persist=True,
    )

    objects = WithoutVector.from_queryset(HelpEntryQuerySet)()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("help entry")
        verbose_name_plural = _("help entries")
        indexes = [
            models.Index(
                fields=["-created_at"],
                condition=models.Q(status="open"),
                name="mutualaid_open_newest",
            ),
            models.Index(fields=["commune", "status"], name="mutualaid_commune"),
            models.Index(fields=["author", "-created_at"], name="mutualaid_mine"),
            models.Index(fields=["status", "expires_at"], name="mutualaid_expiry"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("mutualaid:entry", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN and self.expires_at > timezone.now()

    @property
    def is_expired(self) -> bool:
        return self.status == self.Status.OPEN and self.expires_at <= timezone.now()

    @property
    def is_offer(self) -> bool:
        return self.kind == self.Kind.OFFER


class HelpAnswer(models.Model):
    """A member answers an entry: « Je peux aider » to a request, « Ça
    m'intéresse » to an offer, with a short message for its author."""

    entry = models.ForeignKey(
        HelpEntry, on_delete=models.CASCADE, related_name="answers"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="help_answers",
    )
    message = models.CharField(_("message"), max_length=500)
    created_at = models.DateTimeField(_("answered on"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("answer to a help entry")
        verbose_name_plural = _("answers to help entries")
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "author"], name="mutualaid_one_answer_each"
            )
        ]

    def __str__(self) -> str:
        return f"{self.author_id} → {self.entry_id}"
