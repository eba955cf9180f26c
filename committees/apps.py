from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class CommitteesConfig(AppConfig):
    name = "committees"
    verbose_name = _("Committees")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from committees import entries, rights  # noqa: F401 - search kind, GDPR

        # What the committee page keeps in the cache (its facts, its news block)
        # follows the pages: Wagtail publishes, unpublishes, moves and deletes
        # them (events we do not own).
        for name, signal in (
            ("published", page_published),
            ("unpublished", page_unpublished),
            ("moved", post_page_move),
            ("deleted", post_delete),
        ):
            signal.connect(_page_changed, dispatch_uid=f"committees.cache.{name}")

        # Deleting a committee page cascades to its CommitteeAccess, whatever deletes
        # it (the admin, a parent page, the shell): an event of Wagtail's tree that
        # we do not own. The groups must not outlive the page.
        post_delete.connect(
            _access_deleted,
            sender=self.get_model("CommitteeAccess"),
            dispatch_uid="committees.committee_teardown",
        )


def _access_deleted(sender, instance, **kwargs):
    from committees import rights

    rights.committee_teardown(instance)


def _page_changed(sender, instance, **kwargs):
    from wagtail.models import Page

    from committees import selectors

    if isinstance(instance, Page):
        before = kwargs.get("parent_page_before")
        selectors.page_changed(page=instance, old_parent=before)
