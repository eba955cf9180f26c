from django import template
from django.urls import reverse

from activity import activity, feed, selectors
from activity.forms import CommitteeFeedForm, PostForm
from activity.models import REACTION_NAMES, CommitteeFeedSettings
from intranet.templatetags import text_tags

register = template.Library()


# Relative times are the shell's (« à l'instant », « il y a 3 heures »).
register.filter("ago", text_tags.ago)


@register.filter
def reaction_name(key: str) -> str:
    return str(REACTION_NAMES.get(key, key))


def _block(context, *, where, more_url, size, known=(), **extra):
    request = context["request"]
    return {
        "request": request,
        "user": request.user,
        "csrf_token": context.get("csrf_token"),
        "feed_page": feed.read(request.user, where, size=size, known=known),
        "more_url": more_url,
        **extra,
    }


@register.inclusion_tag("activity/includes/feed_block.html", takes_context=True)
def committee_feed(context, committee, is_member=False, size=10):
    """The committee's activity, with a composer for its members."""
    request = context["request"]
    return _block(
        context,
        where=feed.committee_feed(committee, with_news=False),
        more_url=reverse("activity:committee", args=[committee.pk]),
        size=size,
        known=[committee],
        composer=PostForm(
            user=request.user,
            committee=committee,
            memberships=selectors.viewer_memberships(viewer=request.user),
        )
        if is_member
        else None,
        block_id="committee-activity",
    )


@register.inclusion_tag("activity/includes/feed_block.html", takes_context=True)
def member_feed(context, member, size=10):
    return _block(
        context,
        where=feed.member_feed(member),
        more_url=reverse("activity:member", args=[member.pk]),
        size=size,
        known=[member],
        block_id="member-activity",
    )


@register.inclusion_tag("activity/includes/composer.html", takes_context=True)
def composer(context, form=None, next_url=""):
    request = context["request"]
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "form": form
        or PostForm(
            user=request.user,
            memberships=selectors.viewer_memberships(viewer=request.user),
        ),
        "next": next_url or request.get_full_path(),
    }


@register.inclusion_tag(
    "activity/includes/committee_feed_choice.html", takes_context=True
)
def committee_feed_choice(context, committee):
    members_only = CommitteeFeedSettings.objects.filter(
        committee=committee, members_only=True
    ).exists()
    return {
        "csrf_token": context.get("csrf_token"),
        "committee": committee,
        "form": CommitteeFeedForm(initial={"members_only": members_only}),
    }


@register.simple_tag(takes_context=True)
def is_following(context, obj) -> bool:
    """`{% is_following page as following %}`: whether the reader follows `obj`."""
    user = context["request"].user
    return user.is_authenticated and activity.is_following(user, obj)
