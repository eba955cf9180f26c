"""The notification kinds of mutual help: someone answered my entry; a new
entry near me matches what my profile offers or looks for (digest by default)."""

from django.utils.translation import gettext_lazy as _

from activity.notifications import notify
from intranet.shell.notices import Channel, Kind, register

ANSWERED = "help_answered"
MATCH = "help_match"

register(Kind(ANSWERED, _("Mutual help: someone answers my offer or request")))
register(
    Kind(
        MATCH,
        _("Mutual help: a new entry near me matches my profile"),
        Channel.DIGEST,
    )
)


def answered(answer) -> None:
    entry = answer.entry
    text = (
        _("%(member)s is interested in your offer “%(title)s”.")
        if entry.kind == entry.Kind.OFFER
        else _("%(member)s can help with your request “%(title)s”.")
    )
    notify(
        entry.author,
        ANSWERED,
        actor=answer.author,
        text=text,
        params={"member": str(answer.author), "title": entry.title},
        url=entry.get_absolute_url() + "#reponses",
        excerpt=answer.message,
    )


def match_near(user, *, entry, line) -> None:
    text = (
        _("Near you, %(member)s offers “%(title)s”: you look for “%(line)s”.")
        if entry.kind == entry.Kind.OFFER
        else _("Near you, %(member)s asks for “%(title)s”: you offer “%(line)s”.")
    )
    notify(
        user,
        MATCH,
        actor=entry.author,
        text=text,
        params={"member": str(entry.author), "title": entry.title, "line": line.text},
        url=entry.get_absolute_url(),
    )
