"""The territory measured by its members: broadband tests, village by village.

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
