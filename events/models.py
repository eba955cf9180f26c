"""Meetups: editors publish events as pages (the network agenda, or under a
committee page); members answer them, wait for a place, and share cars."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from committees.models import CommitteePage
from communes.models import Commune
from communes.selectors import commune as commune_of
from intranet.links import reverse
from intranet.pages import ViewRestrictionsFromCache

MAX_GUESTS = 10
MAX_CAR_SEATS = 8


class EventIndexPage(ViewRestrictionsFromCache, RoutablePageMixin, Page):
    """The network agenda: upcoming and past meetups, and a month grid."""

    def route(self, request, path_components):
        # A meetup's address: its specific row in one query (Wagtail's route
        # reads the page, then its specific row).
        if len(path_components) == 1 and self.live:
            meetup = (
                EventPage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("commune")
                .first()
            )
            if meetup is not None:
                meetup._cached_parent_obj = self
                return meetup.route(request, [])
        return super().route(request, path_components)

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("agenda")

    @path("")
    def upcoming(self, request):
        from events import views

        return views.agenda_list(request, self, past=False)

    @path("passees/")
    def past(self, request):
        from events import views

        return views.agenda_list(request, self, past=True)

    @path("mois/")
    @path("mois/<int:year>/<int:month>/")
    def month(self, request, year=None, month=None):
        from events import views

        return views.agenda_month(request, self, year, month)


class EventSeries(models.Model):
    """The dates of a regular meetup, created in one action from a first event."""

    title = models.CharField(_("title"), max_length=255)
    rule = models.CharField(_("repetition"), max_length=30)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("series of meetups")
        verbose_name_plural = _("series of meetups")

    def __str__(self) -> str:
        return self.title


class EventPage(ViewRestrictionsFromCache, RoutablePageMixin, Page):
    """A meetup. Its committee is the committee page it is published under. Its
    page names the first going members; the full lists are a sub-page
    (`participants/`)."""

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("Only the dates are shown; the times are ignored."),
    )
    venue_name = models.CharField(
        _("venue"), max_length=200, help_text=_("E.g. “Café de la Mairie”.")
    )
    address = models.CharField(_("address"), max_length=250, blank=True)
    commune = models.ForeignKey(
        "communes.Commune",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    description = RichTextField(
        _("description"),
        blank=True,
        features=["h3", "bold", "italic", "link", "ol", "ul"],
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10_000)],
        help_text=_("Leave empty when there is no limit."),
    )
    rsvp_deadline = models.DateTimeField(
        _("answers close at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to take answers until the start."),
    )
    guests_allowed = models.PositiveSmallIntegerField(
        _("guests per member"),
        default=0,
        validators=[MaxValueValidator(MAX_GUESTS)],
        help_text=_("How many people each member may bring (0: none)."),
    )
    committee = models.ForeignKey(
        "committees.CommitteePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="events",
    )
    series = models.ForeignKey(
        EventSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="events",
    )

    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
    ]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("address"), FieldPanel("commune")],
            heading=_("Where"),
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("guests_allowed")]),
                FieldPanel("rsvp_deadline"),
            ],
            heading=_("Answers"),
        ),
        InlinePanel("organisers", label=_("Organisers"), min_num=0),
    ]

    parent_page_types = ["events.EventIndexPage", "committees.CommitteePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("meetup")
        verbose_name_plural = _("meetups")
        indexes = [models.Index(fields=["start"])]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end:
            if self.all_day:
                self.start, self.end = day_bounds(self.start, self.end)
            if self.end < self.start or (not self.all_day and self.end == self.start):
                errors["end"] = _("The end must come after the start.")
        if self.rsvp_deadline and self.start and self.rsvp_deadline > self.start:
            errors["rsvp_deadline"] = _("Answers must close before the meetup starts.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.path:  # the tree decides the committee (set again after a move)
            self.committee = CommitteePage.objects.filter(
                path=self.path[: -self.steplen]
            ).first()
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from events import selectors

        context = super().get_context(request, *args, **kwargs)
        if not EventPage.commune.is_cached(self):  # type: ignore[attr-defined]
            self.commune = commune_of(pk=self.commune_id)  # cached: no query
        context.update(selectors.event_page_context(event=self, user=request.user))
        context["agenda_url"] = selectors.agenda_url(request=request)
        return context

    @path("participants/", name="attendees")
    def attendees(self, request):
        """Everyone going, a page at a time; the waiting list (`?liste=attente`)
        for those who organise the meetup."""
        from events import views

        return views.attendees(request, self)

    # Reading helpers (no queries)

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    @property
    def has_started(self) -> bool:
        return self.start <= timezone.now()

    @property
    def deadline(self) -> datetime:
        return self.rsvp_deadline or self.start

    @property
    def answers_open(self) -> bool:
        return timezone.now() <= self.deadline

    @property
    def last_day(self):
        """The local date of the last day (an all-day end is that day's midnight)."""
        return timezone.localtime(self.end).date()

    @property
    def spans_days(self) -> bool:
        return timezone.localtime(self.start).date() != self.last_day

    def ics_url(self) -> str:
        return reverse("events:ics", args=[self.pk])


def day_bounds(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    """An all-day meetup runs from the first day's midnight to the last day's
    midnight, in Paris time."""
    first = timezone.localtime(start).date()
    last = max(timezone.localtime(end).date(), first)
    return (
        timezone.make_aware(datetime.combine(first, time())),
        timezone.make_aware(datetime.combine(last, time())),
    )


class EventOrganiser(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="organisers")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="organised_events",
    )

    panels = [FieldPanel("member")]

    class Meta(Orderable.Meta):
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "member"], name="events_one_organiser_row"
            )
        ]


class Rsvp(models.Model):
    """A member's answer to a meetup. Places are counted from the going answers
    while the event's row is locked (see services.rsvp_set)."""

    class Status(models.TextChoices):
        GOING = "going", _("Going")
        WAITLIST = "waitlist", _("On the waiting list")
        NOT_GOING = "not_going", _("Not going")

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="rsvps")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rsvps"
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    guests = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # The waiting list's order: when the member joined it.
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    # Set by the selectors of the meetup's lists (not columns): whether the
    # reader follows the member, and the member's commune where they show it.
    known = False
    commune_shown: "Commune | None"

    class Meta:
        verbose_name = _("answer to a meetup")
        verbose_name_plural = _("answers to meetups")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="events_one_rsvp"),
            models.CheckConstraint(
                condition=models.Q(guests__lte=MAX_GUESTS), name="events_rsvp_guests"
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status", "waitlisted_at"]),
            # The meetup's going members, latest first and a page at a time.
            models.Index(
                fields=["event", "status", "created_at"],
                name="events_rsvp_answered_idx",
            ),
            # The places taken (`selectors.with_places`), summed from the index
            # alone: 2,400 answers a meetup at 100 × the demo, 5.2 → 3.5 ms a feed.
            models.Index(
                fields=["event", "status"],
                include=["guests"],
                name="events_rsvp_places_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.event} ({self.status})"

    @property
    def seats(self) -> int:
        return 1 + self.guests


class CarpoolOffer(models.Model):
    """A driver going to a meetup offers seats from their commune."""

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="carpool_offers"
    )
    driver = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    commune = models.ForeignKey(
        "communes.Commune",
        verbose_name=_("leaving from"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    departure = models.TimeField(_("departure time"))
    seats = models.PositiveSmallIntegerField(
        _("seats offered"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CAR_SEATS)],
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    # Set by selectors.carpool_of, a Prefetch's `to_attr` (not a column: Django
    # ignores bare annotations).
    open_seats: "list[CarpoolSeat]"

    class Meta:
        ordering = ["departure", "pk"]
        verbose_name = _("carpool offer")
        verbose_name_plural = _("carpool offers")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "driver"],
                condition=models.Q(cancelled_at__isnull=True),
                name="events_one_open_offer",
            ),
            models.CheckConstraint(
                condition=models.Q(seats__gte=1, seats__lte=MAX_CAR_SEATS),
                name="events_offer_seats",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.driver} ({self.commune}, {self.seats})"


class RideRequest(models.Model):
    """A member going to a meetup looks for a ride from their commune."""

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="ride_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    commune = models.ForeignKey(
        "communes.Commune",
        verbose_name=_("leaving from"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    # Set by selectors.carpool_of for a driver (not a column: Django ignores bare
    # annotations).
    distance: float

    class Meta:
        verbose_name = _("ride request")
        verbose_name_plural = _("ride requests")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"], name="events_one_ride_request"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.commune})"


class CarpoolSeat(models.Model):
    """A passenger's request for a seat in an offer, which the driver decides."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the driver")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    offer = models.ForeignKey(
        CarpoolOffer, on_delete=models.CASCADE, related_name="seat_requests"
    )
    passenger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("carpool seat")
        verbose_name_plural = _("carpool seats")
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "passenger"],
                condition=models.Q(status__in=["pending", "accepted"]),
                name="events_one_open_seat_request",
            )
        ]

    def __str__(self) -> str:
        return f"{self.passenger} → {self.offer} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status in {self.Status.PENDING, self.Status.ACCEPTED}


REMINDER_AHEAD = timedelta(days=1)
