from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and committees")

    def ready(self):
        from wagtail.signals import page_published

        from home import entries  # noqa: F401 - committees and news in the feeds
        from home.access import committee_teardown

        # Deleting a committee page cascades to its CommitteeAccess, whatever deletes
        # it (admin, shell, parent page): the groups must not outlive it.
        post_delete.connect(
            lambda sender, instance, **kwargs: committee_teardown(instance),
            sender=self.get_model("CommitteeAccess"),
            dispatch_uid="home.committee_teardown",
            weak=False,
        )
        page_published.connect(
            _announce_news,
            sender=self.get_model("NewsPage"),
            dispatch_uid="home.announce_news",
        )


def _announce_news(sender, instance, revision=None, alias=False, **kwargs):
    """Wagtail publishes pages (an event we do not own): the receiver hands over to
    the service that records the feed entry."""
    from home import services

    if not alias:
        by = getattr(revision, "user", None) or instance.owner
        services.news_announce(news=instance, by=by)
