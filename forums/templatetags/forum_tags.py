from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from activity.templatetags.feed_tags import (
    byline,
    edited_mark,
    moderation_form,
    reaction_bar,
)
from forums import selectors
from intranet.links import reverse
from intranet.templatetags import text_tags

register = template.Library()


@register.inclusion_tag("forums/includes/committee_forums.html", takes_context=True)
def committee_forums(context, committee):
    """The committee's forum categories the reader may open."""
    return {
        "categories": selectors.committee_categories(
            user=context["request"].user, committee=committee.pk
        )
    }


_POST = (
    '<article class="forum-post card{hidden_class}" '
    'aria-labelledby="message-{pk}-by"> <header class="post__head"> {avatar} '
    '<p id="message-{pk}-by"> {by}<br> <a class="meta" href="{url}">{ago}</a>'
    "{edited} </p> </header> {body} </article>"
)


@register.simple_tag(takes_context=True)
def forum_post(context, post, topic, moderator=False) -> str:
    """One message of a topic (`post` has been through `selectors.prepare_posts`
    and the view's `_link`), with what the reader may do with it. Written here
    rather than by a template: a topic's page shows twenty of them."""
    if post.deleted_at:
        revisions = format_html("· {}", _revisions(post)) if moderator else ""
        body = format_html(
            '<p class="meta"><em>{}</em> {}</p>',
            _("Message deleted by its author."),
            revisions,
        )
    else:
        body = format_html(
            "{} {} {} {}",
            format_html(
                '<p class="badge badge--warning">{}</p>', _("Hidden by a moderator.")
            )
            if post.hidden_at
            else "",
            format_html('<div class="prose">{}</div>', post.html)
            if post.can_read
            else "",
            "" if post.hidden_at else _foot(context, post, topic),
            _moderation(context, post) if moderator else "",
        )
    return format_html(
        _POST,
        pk=post.pk,
        hidden_class=" forum-post--hidden" if post.hidden_at else "",
        avatar=text_tags.avatar(post.author),
        by=byline(post.author, post.author_url),
        url=post.url,
        ago=text_tags.ago(post.created_at),
        edited=edited_mark(post),
        body=body,
    )


def _foot(context, post, topic) -> str:
    """Reactions, quoting (unless the topic is locked), and edit and delete for
    its author or report for the others."""
    quote = ""
    if not topic.is_locked:
        name = {"name": post.author}
        label = text_tags.elide(_("Quote %(name)s's message in my reply") % name)
        quote = format_html(
            '<button type="submit" form="reply-form" name="citer" value="{}" '
            'class="link-button" data-quote="{}" aria-label="{}">{}</button>',
            post.pk,
            post.quote_url,
            label,
            pgettext("to quote a message", "Quote"),
        )
    if post.can_edit:
        links = format_html(
            '<a href="{}">{}</a> <a href="{}">{}</a>',
            post.edit_url,
            _("Edit"),
            post.delete_url,
            _("Delete"),
        )
    else:
        links = format_html('<a href="{}">{}</a>', post.report_url, _("Report"))
    return format_html(
        '<footer class="post__foot"> {} {} {} </footer>',
        reaction_bar(context, post, post.react_url),
        quote,
        links,
    )


def _moderation(context, post) -> str:
    """Hide or show the message again; its earlier versions once edited."""
    return format_html(
        '<div class="post__moderation"> {} {} </div>',
        moderation_form(
            context,
            reverse("forums:post_hide", args=[post.pk]),
            hidden=bool(post.hidden_at),
            show="link-button",
            hide="link-button",
        ),
        _revisions(post) if post.edited_at else "",
    )


def _revisions(post) -> str:
    return format_html(
        '<a href="{}">{}</a>',
        reverse("forums:post_revisions", args=[post.pk]),
        _("Earlier versions"),
    )
