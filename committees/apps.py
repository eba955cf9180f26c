from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class CommitteesConfig(AppConfig):
    name = "committees"
    verbose_name = _("Committees")

    def ready(self):
        from committees import entries, rights  # noqa: F401 - search kind, GDPR

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
