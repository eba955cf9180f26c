from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Meetups")

    def ready(self):
        from wagtail.signals import page_published, post_page_move

        from events import data, entries, notices, search  # noqa: F401

        event_page = self.get_model("EventPage")
        page_published.connect(
            _published, sender=event_page, dispatch_uid="events.published"
        )
        post_page_move.connect(_moved, dispatch_uid="events.moved")


def _published(sender, instance, revision=None, alias=False, **kwargs):
    """Wagtail publishes pages (an event we do not own): the receiver hands over to
    the service (feed entry on the first publication, waitlist on a larger room)."""
    from events import services

    if not alias:
        by = getattr(revision, "user", None) or instance.owner
        services.event_published(event=instance, by=by)


def _moved(sender, instance, **kwargs):
    from events.models import EventPage

    if isinstance(instance.specific, EventPage):
        instance.specific.save(update_fields=["committee"])
