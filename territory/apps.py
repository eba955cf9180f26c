from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class TerritoryConfig(AppConfig):
    name = "territory"
    verbose_name = _("Territory")

    def ready(self):
        from wagtail.models import Page
        from wagtail.signals import (
            page_published,
            page_slug_changed,
            page_unpublished,
            post_page_move,
        )

        from territory import data, entries, notices  # noqa: F401 - shell, GDPR

        # The committee pages list the nearest workspaces from the cache: any
        # publication, move or deletion of a page may change them (Wagtail's
        # events, which we do not own).
        for signal in (
            page_published,
            page_unpublished,
            page_slug_changed,
            post_page_move,
        ):
            signal.connect(_forget, dispatch_uid=f"territory.workspaces.{signal!r}")
        post_delete.connect(_forget, sender=Page, dispatch_uid="territory.ws.deleted")


def _forget(sender, **kwargs):
    from territory import selectors

    selectors.forget_workspaces()
