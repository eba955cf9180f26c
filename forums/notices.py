"""The notification kind forums raise (mentions use activity's own kind)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from activity.notices import MAX_NOTIFIED, MENTION
from activity.notifications import notify
from intranet.shell.notices import Channel, Kind, register
from members.models import User

REPLY = "forum_reply"

register(Kind(REPLY, _("News of a topic or category I watch"), Channel.DIGEST))


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
