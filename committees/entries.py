"""How committees plug into the shell: their pages in the feeds (as the target of
what happens in them) and in the site search."""

from django.utils.translation import gettext_lazy as _

from committees.models import CommitteePage
from intranet.shell import feed, search


def _committees(viewer):
    return CommitteePage.objects.live()


feed.register_model(CommitteePage, _committees, one_shape=True)
search.register(
    search.page_kind(
        "committees",
        _("Committees"),
        CommitteePage,
        lambda page: f"{page.commune.name} ({page.commune.postal_code})",
        order=20,
        related=("commune",),
    )
)
