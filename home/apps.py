from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and news")

    def ready(self):
        from wagtail.signals import page_published

        from home import data, entries  # noqa: F401 - personal data; news, navigation…

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
