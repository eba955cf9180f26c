"""The notification kinds forums raise (mentions use activity's own kind)."""

from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from activity.notices import MAX_NOTIFIED, MENTION
from activity.notifications import notify
from committees.models import CommitteeMembership
from intranet.links import reverse
from intranet.shell.notices import Channel, Kind, register
from members.models import User

REPLY = "forum_reply"
REPORTED = "forum_report"
REPORT_HANDLED = "forum_report_handled"

register(Kind(REPLY, _("News of a topic or category I watch"), Channel.DIGEST))
register(Kind(REPORTED, _("A message reported, for me to moderate"), Channel.SITE))
register(
    Kind(
        REPORT_HANDLED,
        _("What became of my reports, and of my messages hidden"),
        Channel.SITE,
    )
)


def moderators_for(*, category):
    """Who may handle a report in `category`: the moderators (everywhere) and, in
    a committee's category, its référents."""
    moderate = Permission.objects.filter(
        content_type__app_label="members", codename="moderate"
    )
    who = Q(groups__permissions__in=moderate) | Q(user_permissions__in=moderate)
    if category.committee_id is not None:
        who |= Q(
            pk__in=CommitteeMembership.objects.filter(
                committee_id=category.committee_id,
                role=CommitteeMembership.Role.REFERENT,
            ).values("user_id")
        )
    return User.objects.filter(who, is_active=True).distinct()


def reported(*, report) -> None:
    """Tell those who can act that a message waits in the moderation queue (the
    reporter's name stays in the queue, not in the bell)."""
    topic = report.post.topic
    for user in moderators_for(category=topic.category).exclude(
        pk__in=[report.reporter_id, report.post.author_id]
    ):
        notify(
            user,
            REPORTED,
            text=_("A message in “%(topic)s” was reported."),
            params={"topic": topic.title},
            url=reverse("forums:moderation"),
        )


def report_handled(*, report, hidden: bool) -> None:
    """Tell the reporter that their report was handled (no details), and the
    author whose message was hidden why."""
    post, topic = report.post, report.post.topic
    notify(
        report.reporter,
        REPORT_HANDLED,
        text=_("Your report on a message in “%(topic)s” was handled."),
        params={"topic": topic.title},
        url=topic.get_absolute_url(),
    )
    if not hidden:
        return
    if report.resolution:
        notify(
            post.author,
            REPORT_HANDLED,
            text=_(
                "Your message in “%(topic)s” was hidden by the moderators: %(reason)s"
            ),  # fmt: skip
            params={"topic": topic.title, "reason": report.resolution},
            url=post.get_absolute_url(),
        )
    else:
        notify(
            post.author,
            REPORT_HANDLED,
            text=_(
                "Your message in “%(topic)s” was hidden by the moderators "
                "after a report: %(reason)s"
            ),  # fmt: skip
            params={"topic": topic.title, "reason": report.reason},
            url=post.get_absolute_url(),
        )


def reply(*, post, skip=()) -> None:
    """Tell the topic's watchers (not the author, nor those mentioned: they hear of
    it by the mention)."""
    from forums.selectors import can_read, watchers_of

    topic = post.topic
    for user in watchers_of(topic=topic).exclude(pk__in=[post.author_id, *skip]):
        if can_read(user=user, category=topic.category):
            notify(
                user,
                REPLY,
                actor=post.author,
                text=_("%(name)s replied in “%(topic)s”."),
                params={"name": str(post.author), "topic": topic.title},
                url=post.get_absolute_url(),
                excerpt=post.body,
                regarding=topic,
                many=ngettext_lazy(
                    "%(count)d new reply in “%(topic)s”.",
                    "%(count)d new replies in “%(topic)s”.",
                    "count",
                ),
            )


def new_topic(*, topic, post, skip=()) -> None:
    """Tell those who watch the category (its new topics are news to them)."""
    from forums.selectors import can_read, category_watchers

    for user in category_watchers(category=topic.category).exclude(
        pk__in=[post.author_id, *skip]
    ):
        if can_read(user=user, category=topic.category):
            notify(
                user,
                REPLY,
                actor=post.author,
                text=_("%(name)s started “%(topic)s” in %(category)s."),
                params={
                    "name": str(post.author),
                    "topic": topic.title,
                    "category": topic.category.name,
                },
                url=topic.get_absolute_url(),
                excerpt=post.body,
                regarding=topic.category,
                many=ngettext_lazy(
                    "%(count)d new topic in %(category)s.",
                    "%(count)d new topics in %(category)s.",
                    "count",
                ),
            )


def mentions(*, post, ids) -> None:
    from forums.selectors import can_read

    ids = sorted(set(ids) - {post.author_id})[:MAX_NOTIFIED]
    for user in User.objects.filter(pk__in=ids, is_active=True):
        if can_read(user=user, category=post.topic.category):
            notify(
                user,
                MENTION,
                actor=post.author,
                text=_("%(name)s mentioned you in “%(topic)s”."),
                params={"name": str(post.author), "topic": post.topic.title},
                url=post.get_absolute_url(),
                excerpt=post.body,
            )
