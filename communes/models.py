from math import asin, cos, radians, sin, sqrt

from django.db import models
from django.utils.translation import gettext_lazy as _


class Commune(models.Model):
    """A commune of the Gers, from public administrative data (read-only here)."""

    insee_code = models.CharField(_("INSEE code"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    postal_codes = models.CharField(_("postal codes"), max_length=60)
    population = models.PositiveIntegerField(_("population"))
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self) -> str:
        return self.name

    @property
    def postal_code(self) -> str:
        """The first postal code, the one to print on an address."""
        return self.postal_codes.split()[0] if self.postal_codes else ""

    def distance_km(self, other: "Commune") -> float:
        """As the crow flies between the two town halls."""
        return km_between(
            (self.latitude, self.longitude), (other.latitude, other.longitude)
        )


def km_between(here: tuple[float, float], there: tuple[float, float]) -> float:
    """As the crow flies between two (latitude, longitude) points (haversine)."""
    lat1, lat2 = radians(here[0]), radians(there[0])
    dlat, dlon = lat2 - lat1, radians(there[1] - here[1])
    h = sin(dlat / 2) ** 2 + cos(lat1) * cos(lat2) * sin(dlon / 2) ** 2
    return 2 * 6371 * asin(sqrt(h))
