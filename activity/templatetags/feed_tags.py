import functools

from django import template
from django.template.defaulttags import CsrfTokenNode
from django.template.loader import render_to_string
from django.utils import formats
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from activity import activity, feed, selectors
from activity.forms import CommitteeFeedForm, PostForm
from activity.models import REACTION_NAMES, CommitteeFeedSettings
from intranet.links import reverse
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
    language = get_language()
    for row in post.reaction_rows:
        offered.append(_offered(language, row["key"], row["emoji"], row["mine"]))
        if row["count"] or row["mine"]:
            name = str(REACTION_NAMES.get(row["key"], row["key"]))
            pressed = "true" if row["mine"] else "false"
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
    return format_html(
        _BAR,
        url=react_url,
        csrf=CsrfTokenNode().render(context),
        back=context["request"].get_full_path(),
        shown=mark_safe("".join(shown)),  # noqa: S308  # each built by format_html
        react=_("React"),
        offered=mark_safe("".join(offered)),  # noqa: S308  # each built by format_html
    )


@functools.lru_cache(maxsize=256)
def _offered(language: str, key: str, emoji: str, mine: bool) -> str:
    """A reaction of the menu: the same on every post but for its state."""
    name = REACTION_NAMES.get(key, key)
    pressed = "true" if mine else "false"
    return format_html(_OFFERED, key, pressed, name, emoji, name)


_CARD = (
    '<article class="post{hidden_class}" id="publication-{pk}" tabindex="-1" '
    'aria-labelledby="post-{pk}-by"> <header class="post__head"> {avatar} '
    '<p id="post-{pk}-by"> {by} {where} <br><a class="meta" href="{url}">{ago}</a>'
    '{edited} </p> </header> {hidden} <div class="post__body prose">{html}</div> '
    '{image} <footer class="post__foot"> {reactions} {actions} </footer> </article>'
)


@register.simple_tag(takes_context=True)
def post_card(context, post, detail=False) -> str:
    """One feed post (`post` has been through `selectors.prepare_posts`); `detail`
    on its own page, with what the viewer may do with it. Written here rather than
    by a template: a feed shows ten of them, and the template took 1 ms each."""
    author, url = post.author, post.get_absolute_url()
    profile_url = reverse("members:profile_detail", args=[author.pk])
    where = ""
    if post.committee:
        committee_url = post.committee.get_url(request=context.get("request"))
        where = format_html(
            '<span class="meta">{} <a href="{}">{}</a></span>',
            _("in"),
            committee_url,
            post.committee.title,
        )
    return format_html(
        _CARD,
        pk=post.pk,
        hidden_class=" post--hidden" if post.hidden_at else "",
        avatar=text_tags.avatar(author),
        by=byline(author, profile_url),
        where=where,
        url=url,
        ago=text_tags.ago(post.created_at),
        edited=edited_mark(post),
        hidden=format_html(
            '<p class="badge badge--warning">{}</p>',
            _("Hidden by a moderator: members no longer see it."),
        )
        if post.hidden_at
        else "",
        html=post.html,
        image=format_html(
            '<img class="post__image" src="{}" alt="{}" loading="lazy">',
            post.image.url,
            post.image_alt,
        )
        if post.image
        else "",
        reactions=reaction_bar(
            context, post, reverse("activity:reaction_toggle", args=[post.pk])
        ),
        actions=_post_actions(context, post) if detail else _comments_link(post, url),
    )


def byline(author, profile_url: str) -> str:
    """The author's name, linked to their profile while their account is active
    (a post's, a forum message's)."""
    if author.is_active:
        return format_html('<a href="{}">{}</a>', profile_url, author)
    return conditional_escape(author)


def edited_mark(post) -> str:
    """« · modifié » after the time of something edited since."""
    if not post.edited_at:
        return ""
    return format_html(' <span class="meta">· {}</span>', _("edited"))


def _comments_link(post, url: str) -> str:
    count = ngettext(
        "%(counter)s comment", "%(counter)s comments", post.comment_count
    ) % {"counter": formats.localize(post.comment_count)}
    return format_html('<a href="{}#commentaires">{}</a>', url, count)


def _post_actions(context, post) -> str:
    """On the post's own page: edit and delete for its author, report for the
    others, hide or show for those who moderate it."""
    if post.can_edit:
        links = format_html(
            '<a href="{}">{}</a> <a href="{}">{}</a>',
            reverse("activity:post_edit", args=[post.pk]),
            _("Edit"),
            reverse("activity:post_delete", args=[post.pk]),
            _("Delete"),
        )
    elif not post.hidden_at:
        report = reverse("activity:report", args=["activity.feedpost", post.pk])
        links = format_html('<a href="{}">{}</a>', report, _("Report"))
    else:
        links = ""
    if not post.can_moderate:
        return links
    return format_html(
        "{} {}",
        links,
        moderation_form(
            context,
            reverse("activity:post_hide", args=[post.pk]),
            hidden=bool(post.hidden_at),
            show="button--secondary button--small",
            hide="button--danger button--small",
        ),
    )


def moderation_form(context, action: str, *, hidden: bool, show: str, hide: str) -> str:
    """The form that hides something from members or shows it again (a post, a
    forum message), its button of class `show` or `hide`."""
    if hidden:
        button = format_html(
            '<input type="hidden" name="hidden" value="0">'
            '<button type="submit" class="{}">{}</button>',
            show,
            _("Show again"),
        )
    else:
        button = format_html(
            '<button type="submit" class="{}">{}</button>', hide, _("Hide (moderation)")
        )
    return format_html(
        '<form method="post" action="{}"> {} {} </form>',
        action,
        CsrfTokenNode().render(context),
        button,
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
