"""Reads of the communes: public administrative data that the site never writes
(a migration loads them), so pages take them from the cache."""

from django.core.cache import cache

from communes.models import Commune

TTL = 24 * 60 * 60


def commune(*, pk: int) -> Commune:
    """One commune, from the cache (a query the first time)."""
    key = f"communes:commune:{pk}"
    found = cache.get(key)
    if found is None:
        found = Commune.objects.get(pk=pk)
        cache.set(key, found, TTL)
    return found


def commune_choices() -> list[tuple[int, str]]:
    """(id, name) of every commune, by name: the options of a commune field."""
    key = "communes:choices"
    choices = cache.get(key)
    if choices is None:
        choices = list(Commune.objects.order_by("name").values_list("pk", "name"))
        cache.set(key, choices, TTL)
    return choices
