from django import template
from django.template.defaulttags import CsrfTokenNode
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from activity import activity, feed, selectors
from activity.forms import CommitteeFeedForm, PostForm
from activity.models import REACTION_NAMES, CommitteeFeedSettings
from intranet.templatetags import text_tags

register = template.Library()


# Relative times are the shell's (« à l'instant », « il y a 3 heures »).
register.filter("ago", text_tags.ago)


_SHOWN = (
    '<button type="submit" name="reaction" value="{}" class="reaction{}" '
    'aria-pressed="{}" title="{}"><span aria-hidden="true">{}</span>'
    '<span class="visually-hidden">{}</span> {}</button>'
)
_OFFERED = (
    '<button type="submit" name="reaction" value="{}" class="reaction" '
    'aria-pressed="{}" title="{}"><span aria-hidden="true">{}</span>'
    '<span class="visually-hidden">{}</span></button>'
)
_BAR = (
    '<form method="post" action="{url}" class="reactions" hx-post="{url}" '
    'hx-target="this" hx-swap="outerHTML">{csrf}'
    '<input type="hidden" name="next" value="{back}">{shown}'
    '<details class="reactions__add"><summary class="reaction" title="{react}">'
    '<span aria-hidden="true">☺+</span><span class="visually-hidden">{react}</span>'
    '</summary><div class="reactions__menu">{offered}</div></details></form>'
)


@register.simple_tag(takes_context=True)
def reaction_bar(context, post, react_url: str) -> str:
    """The reaction bar of a feed post or forum message (`post.reaction_rows`,
    see the apps' prepare_posts), each reaction toggled at `react_url`: the
    reactions given, then the menu of all. Written here rather than by a template:
    every post of a page has one, and a template took 1 ms a post."""
    shown, offered = [], []
    for row in post.reaction_rows:
        name = str(REACTION_NAMES.get(row["key"], row["key"]))
        pressed = "true" if row["mine"] else "false"
        if row["count"] or row["mine"]:
            people = ", ".join(str(person) for person in row.get("people") or ())
            shown.append(
                format_html(
                    _SHOWN,
                    row["key"],
                    " reaction--mine" if row["mine"] else "",
                    pressed,
                    f"{name} : {people}" if people else name,
                    row["emoji"],
                    f"{name} ({people})" if people else name,
                    row["count"],
                )
            )
        offered.append(
            format_html(_OFFERED, row["key"], pressed, name, row["emoji"], name)
        )
    return format_html(
        _BAR,
        url=react_url,
        csrf=CsrfTokenNode().render(context),
        back=context["request"].get_full_path(),
        shown=mark_safe("".join(shown)),  # noqa: S308  # each built by format_html
        react=_("React"),
        offered=mark_safe("".join(offered)),  # noqa: S308  # each built by format_html
    )


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
    form = form or PostForm(
        user=request.user,
        memberships=selectors.viewer_memberships(viewer=request.user),
    )
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "form": form,
        "fields": _composer_fields(form),
        "next": next_url or request.get_full_path(),
    }


_UNBOUND: dict[tuple, str] = {}  # composer fields' HTML, per language and choices
_UNBOUND_MAX = 1000


def _composer_fields(form: PostForm) -> str:
    """The composer's fields. Unbound (the form of every feed page), their HTML
    depends only on the language, the audiences offered and the one chosen: kept
    per process, it is rendered once per member rather than on every page (4 to 6 ms
    of the dashboard's, a committee's and `/fil/`'s CPU)."""
    if form.is_bound:
        return render_to_string("activity/includes/post_fields.html", {"form": form})
    audience = form.fields["audience"]
    key = (
        get_language(),
        tuple((value, str(label)) for value, label in audience.choices),
        audience.initial,
    )
    html = _UNBOUND.get(key)
    if html is None:
        if len(_UNBOUND) >= _UNBOUND_MAX:
            _UNBOUND.clear()
        html = _UNBOUND[key] = render_to_string(
            "activity/includes/post_fields.html", {"form": form}
        )
    return mark_safe(html)  # rendered by the template, which escapes


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
