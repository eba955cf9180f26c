"""The territory measured by its members: broadband tests, village by village,
and the places to work (coworkings, telecentres…) as Wagtail pages.

A `SpeedTest` is one member's measure of their line (in the browser against this
server, or copied from another speed test). `CommuneBroadband` holds the figures
per commune and technology, recomputed by the services whenever a test of the
commune is added or deleted: pages read them in one query however many tests
there are.
"""

from django.conf import settings
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

from intranet.pages import ViewRestrictionsFromCache

# Impossible values are refused: nobody's line beats 10 Gb/s, a round trip over
# 10 s is a broken measure, not a slow line.
MAX_MBPS = 10_000
MAX_LATENCY_MS = 10_000


class Technology(models.TextChoices):
    FIBRE = "fibre", _("Fibre")
    VDSL = "vdsl", _("VDSL")
    ADSL = "adsl", _("ADSL")
    MOBILE = "mobile", _("4G/5G box")
    SATELLITE = "satellite", _("Satellite")
    OTHER = "other", _("Other")


class Place(models.TextChoices):
    HOME = "home", _("At home")
    WORKSPACE = "workspace", _("In a workspace")


class Source(models.TextChoices):
    BROWSER = "browser", _("Measured on this site")
    MANUAL = "manual", _("Entered by hand")


class SpeedTest(models.Model):
    """One member's measure of a line."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="speed_tests"
    )
    commune = models.ForeignKey(
        "communes.Commune",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="speed_tests",
    )
    technology = models.CharField(
        _("technology"), max_length=12, choices=Technology.choices
    )
    place = models.CharField(
        _("place"), max_length=12, choices=Place.choices, default=Place.HOME
    )
    download_mbps = models.FloatField(
        _("download (Mb/s)"),
        validators=[MinValueValidator(0), MaxValueValidator(MAX_MBPS)],
    )
    upload_mbps = models.FloatField(
        _("upload (Mb/s)"),
        validators=[MinValueValidator(0), MaxValueValidator(MAX_MBPS)],
    )
    latency_ms = models.FloatField(
        _("latency (ms)"),
        validators=[MinValueValidator(0), MaxValueValidator(MAX_LATENCY_MS)],
    )
    workspace = models.ForeignKey(
        "territory.WorkspacePage",
        verbose_name=_("workspace"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="speed_tests",
    )
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.BROWSER
    )
    measured_at = models.DateTimeField(_("measured on"), default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-measured_at", "-pk"]
        verbose_name = _("speed test")
        verbose_name_plural = _("speed tests")
        indexes = [
            models.Index(fields=["user", "-measured_at"], name="territory_mine_idx"),
            models.Index(fields=["commune", "place"], name="territory_commune_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    download_mbps__gte=0,
                    download_mbps__lte=MAX_MBPS,
                    upload_mbps__gte=0,
                    upload_mbps__lte=MAX_MBPS,
                    latency_ms__gte=0,
                    latency_ms__lte=MAX_LATENCY_MS,
                ),
                name="territory_speed_test_possible",
            )
        ]

    def __str__(self) -> str:
        return f"{self.commune_id} {self.download_mbps:.1f}/{self.upload_mbps:.1f}"


class CommuneBroadband(models.Model):
    """The home tests of a commune summed up, for every technology together
    (`technology` empty) and for each one. Written only by
    `services.commune_recompute`."""

    commune = models.ForeignKey(
        "communes.Commune", on_delete=models.CASCADE, related_name="broadband"
    )
    technology = models.CharField(max_length=12, blank=True)
    median_download = models.FloatField()
    median_upload = models.FloatField()
    median_latency = models.FloatField()
    tests = models.PositiveIntegerField()
    members = models.PositiveIntegerField()
    latest_at = models.DateTimeField()

    class Meta:
        verbose_name = _("broadband of a commune")
        verbose_name_plural = _("broadband of the communes")
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "technology"], name="territory_one_figure_per_tech"
            )
        ]
        indexes = [
            models.Index(
                fields=["members"],
                condition=models.Q(technology=""),
                name="territory_overall_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.commune_id} {self.technology or '*'}"

    def get_technology_display(self) -> str:
        return str(Technology(self.technology).label) if self.technology else ""


# Workspaces: coworkings, telecentres, third places, libraries with desks


class WorkspaceIndexPage(ViewRestrictionsFromCache, Page):
    """The directory of the places to work: a map and a list, filtered by
    distance from a commune and by equipment. Public, like committee pages."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["territory.WorkspacePage"]
    max_count = 1
    #: Prospects may read it without an account.
    is_public = True

    class Meta:
        verbose_name = _("directory of workspaces")

    def serve(self, request, *args, **kwargs):
        from territory import views

        return views.workspace_directory(request, self)


class WorkspacePage(ViewRestrictionsFromCache, RoutablePageMixin, Page):
    """A place to work, published under the directory or under a committee (then
    through the committee's workflow). Members also see who works there
    regularly and the proposals to meet there."""

    class Kind(models.TextChoices):
        COWORKING = "coworking", _("Coworking")
        TELECENTRE = "telecentre", _("Telecentre")
        THIRD_PLACE = "third_place", _("Third place")
        LIBRARY = "library", _("Library with desks")

    kind = models.CharField(
        _("kind of place"), max_length=12, choices=Kind.choices, default=Kind.COWORKING
    )
    commune = models.ForeignKey(
        "communes.Commune",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="workspaces",
    )
    address = models.CharField(_("address"), max_length=250)
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    opening_hours = models.TextField(
        _("opening hours"), blank=True, help_text=_("E.g. “Mon–Fri 8:30–19:00”.")
    )
    price_day = models.DecimalField(
        _("price of a day (€)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    price_month = models.DecimalField(
        _("price of a month (€)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    price_meeting_room = models.DecimalField(
        _("meeting room, per hour (€)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    advertised_download = models.PositiveIntegerField(
        _("advertised download (Mb/s)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_MBPS)],
    )
    advertised_upload = models.PositiveIntegerField(
        _("advertised upload (Mb/s)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_MBPS)],
    )
    technology = models.CharField(
        _("technology"), max_length=12, choices=Technology.choices, blank=True
    )
    has_meeting_room = models.BooleanField(_("meeting room"), default=False)
    has_videoconference = models.BooleanField(_("video-conference"), default=False)
    has_printer = models.BooleanField(_("printer"), default=False)
    has_lockers = models.BooleanField(_("lockers"), default=False)
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free access, adapted toilets, parking…"),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    booking_url = models.URLField(_("booking link"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("address"),
        index.FilterField("commune_id"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel("commune"), FieldPanel("address"), FieldPanel("opening_hours")],
            heading=_("Where and when"),
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("price_day"),
                        FieldPanel("price_month"),
                        FieldPanel("price_meeting_room"),
                    ]
                )
            ],
            heading=_("Prices"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("advertised_download"),
                        FieldPanel("advertised_upload"),
                        FieldPanel("technology"),
                    ]
                )
            ],
            heading=_("Advertised bandwidth"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("has_meeting_room"),
                FieldPanel("has_videoconference"),
                FieldPanel("has_printer"),
                FieldPanel("has_lockers"),
            ],
            heading=_("Equipment"),
        ),
        FieldPanel("accessibility"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("contact_email"), FieldPanel("contact_phone")]
                ),
                FieldPanel("booking_url"),
            ],
            heading=_("Contact and booking"),
        ),
        InlinePanel("photos", label=_("Photos"), max_num=8),
    ]

    parent_page_types = ["territory.WorkspaceIndexPage", "committees.CommitteePage"]
    subpage_types: list[str] = []
    #: Prospects read the place; members also see who works there.
    is_public = True

    EQUIPMENT = (
        "has_meeting_room",
        "has_videoconference",
        "has_printer",
        "has_lockers",
    )

    class Meta:
        verbose_name = _("workspace")
        verbose_name_plural = _("workspaces")

    def equipment(self) -> list[str]:
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in self.EQUIPMENT
            if getattr(self, name)
        ]

    @path("")
    def show(self, request):
        from territory import views

        return views.workspace_detail(request, self)

    @path("j-y-travaille/")
    def regular(self, request):
        from territory import views

        return views.workspace_regular(request, self)

    @path("se-retrouver/")
    def meet(self, request):
        from territory import views

        return views.workspace_meet(request, self)


class WorkspacePhoto(Orderable):
    page = ParentalKey(WorkspacePage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("What the photo shows, for those who cannot see it."),
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text")]


class WorkspaceRegular(models.Model):
    """« J'y travaille »: a member says they work there regularly (members see it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="workspaces"
    )
    workspace = models.ForeignKey(
        WorkspacePage, on_delete=models.CASCADE, related_name="regulars"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("regular of a workspace")
        verbose_name_plural = _("regulars of workspaces")
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "user"], name="territory_one_regular"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.workspace_id}"


class MeetingProposal(models.Model):
    """« Se retrouver là-bas »: a member proposes a day to work there together;
    the regulars are told, members see it on the page until the day."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="meeting_proposals",
    )
    workspace = models.ForeignKey(
        WorkspacePage, on_delete=models.CASCADE, related_name="proposals"
    )
    day = models.DateField(_("day"))
    note = models.CharField(_("a word"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["day", "created_at"]
        verbose_name = _("proposal to meet")
        verbose_name_plural = _("proposals to meet")
        indexes = [models.Index(fields=["workspace", "day"], name="territory_meet_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.workspace_id} {self.day}"
