"""How the forums appear in the feeds, and who sees them."""

from django.utils.translation import gettext_lazy as _

from activity import activity
from activity import selectors as reported
from forums import selectors
from forums.models import Category, Post, Subscription, Topic
from intranet import membertext
from intranet.links import reverse
from intranet.shell import dashboard, feed, header, menu, reports

# What the feed may point at.
activity.register(Category, Topic, Post)

feed.register_verb(
    feed.Verb(activity.STARTED_TOPIC, "forums/entries/started.html", series=True)
)
feed.register_verb(
    feed.Verb(activity.REPLIED, "forums/entries/replied.html", group=True)
)


def _categories(viewer):
    return selectors.readable_categories(user=viewer)


def _topics(viewer):
    return Topic.objects.filter(category__in=selectors.readable_categories(user=viewer))


def _posts(viewer):
    return Post.objects.shown().filter(
        topic__category__in=selectors.readable_categories(user=viewer)
    )


def _names(viewer, posts) -> None:
    # The quotes of the feed name the members mentioned, in one query.
    membertext.attach_names(posts)


feed.register_model(Category, _categories, one_shape=True)
feed.register_model(Topic, _topics, one_shape=True)
feed.register_model(Post, _posts, _names, one_shape=True)


def _watched_topics(viewer):
    watched = Subscription.objects.filter(
        user_id=viewer.pk, level=Subscription.Level.WATCH, topic__isnull=False
    )
    return activity.by_target(Topic, activity.as_text_ids(watched, "topic_id"))


feed.register_interest(_watched_topics)


def _recent_topics(request):
    return {"topics": selectors.recent_topics(user=request.user)}


dashboard.register(
    dashboard.Panel(
        "forum_topics", "forums/panels/recent_topics.html", _recent_topics,
        dashboard.SIDE, 15,
    )
)  # fmt: skip


menu.register(
    menu.Entry("forums", _("Forums"), lambda r: reverse("forums:categories"), 40)
)

# The reports a moderator or référent may handle (forum messages, and what other
# apps made reportable), counted in the header's query; the navigation shows the
# queue with its count while there are some.
reports.register_queue(lambda: reverse("forums:moderation"))
header.register(
    header.Counter(
        "reports",
        lambda user: (
            header.count_of(selectors.open_reports_counted(user=user))
            + header.count_of(reported.content_reports_counted(user=user))
        ),
    )
)
menu.register(
    menu.Entry(
        "moderation",
        _("Moderation"),
        lambda r: reverse("forums:moderation"),
        45,  # beside the forums, where the reports come from
        visible=lambda request: bool(header.counts(request)["reports"]),
        badge="reports",
        badge_label=_("to handle"),
    )
)
