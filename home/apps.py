from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and news")

    def ready(self):
        from wagtail.signals import (
            page_published,
            task_submitted,
            workflow_approved,
            workflow_rejected,
        )

        from home import data, entries  # noqa: F401 - personal data; news, navigation…

        page_published.connect(
            _announce_news,
            sender=self.get_model("NewsPage"),
            dispatch_uid="home.announce_news",
        )
        # Wagtail's workflows (events we do not own) reach the intranet's bell.
        task_submitted.connect(_review_submitted, dispatch_uid="home.review.submitted")
        workflow_approved.connect(_review_approved, dispatch_uid="home.review.approved")
        workflow_rejected.connect(_review_rejected, dispatch_uid="home.review.rejected")


def _announce_news(sender, instance, revision=None, alias=False, **kwargs):
    """Wagtail publishes pages (an event we do not own): the receiver hands over to
    the service that records the feed entry."""
    from home import services

    if not alias:
        by = getattr(revision, "user", None) or instance.owner
        services.news_announce(news=instance, by=by)


def _review_submitted(sender, instance, user=None, **kwargs):
    from home import review

    review.submitted(task_state=instance, by=user)


def _review_approved(sender, instance, user=None, **kwargs):
    from home import review

    review.approved(workflow_state=instance, by=user)


def _review_rejected(sender, instance, user=None, **kwargs):
    from home import review

    review.changes_requested(workflow_state=instance, by=user)
