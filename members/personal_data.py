"""Personal data (GDPR): the member's download and the erasure of their account.

Every app plugs in what it holds about a member (`intranet.shell.personal_data`):
each exporter adds a JSON file to the download; each eraser runs when a member
deletes their account, inside one transaction. After erasure the account row
stays, nameless and inactive, so that what the member wrote in shared spaces is
kept and shown as written by "Ancien membre".

`KEPT` is the one list of what stays after erasure and why. With the exporters'
and erasers' `covers`, it accounts for every model that points at a member
(`tests/members/test_personal_data_walk.py` walks them all), and the privacy page
prints it.
"""

import io
import json
import zipfile
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from intranet.shell.personal_data import ERASERS, EXPORTERS, LAST_ERASERS
from members.models import User


@dataclass(frozen=True)
class Kept:
    """Rows that stay after a member's erasure: which models, what they are (for
    the privacy page) and why they are kept."""

    models: tuple[str, ...]
    what: str | Promise
    why: str | Promise


KEPT: list[Kept] = [
    Kept(
        ("forums.Topic", "forums.Post", "activity.FeedPost", "activity.Comment",
         "chat.Message"),
        _("What you wrote in shared spaces: forum topics and replies, posts and "
          "comments on the feed, chat messages"),
        _("The others' discussions keep their meaning. They are signed “Ancien "
          "membre”, and where someone mentioned you the mention reads “Ancien "
          "membre” too."),
    ),
    Kept(
        ("chat.Participant",),
        _("Your place in the conversations you took part in, marked as left"),
        _("The others keep their conversations and see who wrote the messages "
          "that stay; you no longer read or receive anything there."),
    ),
    Kept(
        ("home.NewsPage",),
        _("The news you wrote"),
        _("It belongs to the network's news; its author is shown as “Ancien "
          "membre”."),
    ),
    Kept(
        ("welcome.InstallationProject", "welcome.StageChange", "welcome.Note"),
        _("As a sponsor or for the programme team: your name on the families that "
          "settled or left, the steps you recorded in their projects and the "
          "notes you wrote on them"),
        _("The programme team must be able to account for each family's file "
          "and count families per sponsor; they are signed “Ancien membre”. "
          "Families still on their way get a new sponsor."),
    ),
    Kept(
        ("forums.ModerationLog", "events.EventSeries"),
        _("The moderation actions you took, the series of meetups you created"),
        _("Moderators and organisers must be able to see who did what before them; "
          "these entries are signed “Ancien membre”."),
    ),
    Kept(
        ("wagtailcore.Page", "wagtailcore.Revision", "wagtailcore.PageLogEntry",
         "wagtailcore.ModelLogEntry", "wagtailcore.WorkflowState",
         "wagtailcore.TaskState", "wagtailcore.Comment", "wagtailcore.CommentReply",
         "wagtailimages.Image", "wagtaildocs.Document"),
        _("For editors: the history of the site's pages (versions, log, approvals, "
          "review comments) and the images and documents you uploaded"),
        _("The site's audit trail says who changed what; it keeps your account's "
          "number, shown as “Ancien membre”."),
    ),
    Kept(
        ("committees.CommitteePage",),
        _("A committee's contact address"),
        _("It is the committee's, published on its page; its référents change it, "
          "it is not tied to any account."),
    ),
    Kept(
        ("territory.WorkspacePage",),
        _("A place to work's contact address"),
        _("It is the place's, published on its page by the editors; it is not tied "
          "to any account."),
    ),
    Kept(
        ("wagtailsearch.IndexEntry", "taggit.TaggedItem"),
        _("The site's search index and the tags of images and documents"),
        _("They point at pages, images and documents only, never at an account: "
          "nothing about you is kept there."),
    ),
]  # fmt: skip


def kept_models() -> set[str]:
    return {label for entry in KEPT for label in entry.models}


def export_zip(user: User) -> bytes:
    """A ZIP with one JSON file per kind of data, plus the member's photo."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, function in EXPORTERS.items():
            data = json.dumps(
                function(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
            )
            archive.writestr(f"{name}.json", data)
        profile = getattr(user, "profile", None)
        if profile is not None and profile.photo:
            with profile.photo.open("rb") as photo:
                archive.writestr(f"photo{profile.photo.name[-5:]}", photo.read())
    return buffer.getvalue()


@transaction.atomic
def erase(user: User) -> None:
    """Run every app's eraser, the account's last (`members.data.erase_account`:
    nameless and unusable)."""
    for function in [*ERASERS, *LAST_ERASERS]:
        function(user)
