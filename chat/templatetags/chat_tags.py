from datetime import datetime, timedelta

from django import template
from django.template.defaultfilters import filesizeformat
from django.utils import formats, timezone
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from chat import text

register = template.Library()


@register.simple_tag
def chat_text(message):
    """A message's text as safe HTML (links and mentions only)."""
    return text.render(message.body, getattr(message, "names", {}))


@register.simple_tag
def chat_day(moment: datetime) -> str:
    """The day a message was written, as the date separators say it (« Aujourd'hui »,
    « Hier », « lundi 7 décembre », the year when it is not this one); the live
    page's script says it the same way (`static/js/chat.js`, `dayLabel`)."""
    day = timezone.localdate(moment)
    today = timezone.localdate()
    if day == today:
        return _("Today")
    if day == today - timedelta(days=1):
        return _("Yesterday")
    shape = "l j F" if day.year == today.year else "l j F Y"
    return formats.date_format(day, shape)


@register.simple_tag(takes_context=True)
def chat_message(context, message) -> str:
    """One message of a room, as `<li>`: `message` has been through the room view's
    `_prepare`. Its actions are light: « React » opens a menu that
    `static/js/chat.js` fills with the room's reactions (`chat-reaction-set`,
    written once per page); without JavaScript the menu holds a link to the
    message's reaction page. Written here rather than as an included template: a
    room shows fifty, and the template was half of the page's CPU (issue #19)."""
    own = message.author_id == context["user"].pk
    can_post = bool(context.get("can_post"))
    moment = timezone.localtime(message.created_at)
    classes = "chat-message" + (" is-own" if own else "")
    if message.deleted_at:
        classes += " is-deleted"
    author = conditional_escape(message.author)
    if message.author.is_active:
        author = f'<a href="{escape(message.author_url)}">{author}</a>'
    else:
        author = f"<strong>{author}</strong>"
    parts = [
        f'<li class="{classes}" id="message-{message.pk}" data-id="{message.pk}" '
        f'data-seq="{message.seq}" data-day="{moment:%Y-%m-%d}">'
        f'<p class="chat-message__head">{author} '
        f'<time datetime="{moment.isoformat()}">{moment:%H:%M}</time>'
    ]
    if message.edited_at and not message.deleted_at:
        parts.append(f' <span class="meta">({escape(_("edited"))})</span>')
    parts.append("</p>")
    if quote := message.quote:
        excerpt = _("Message deleted.") if quote["deleted"] else quote["excerpt"]
        parts.append(
            f'<a class="chat-quote" href="#message-{quote["id"]}">'
            f'<span class="visually-hidden">{escape(_("In reply to"))} </span>'
            f'<span class="chat-quote__author">{escape(quote["author"])}</span> '
            f'<span class="chat-quote__text">{escape(excerpt)}</span></a>'
        )
    if message.deleted_at:
        parts.append(f'<p class="meta">{escape(_("Message deleted."))}</p></li>')
        return mark_safe("".join(parts))  # every value escaped above
    if message.body:
        parts.append(f'<p class="chat-message__body">{chat_text(message)}</p>')
    if message.attachment_count:
        parts.append('<ul class="list-plain chat-files">')
        parts.extend(_attachment(file) for file in message.attachments.all())
        parts.append("</ul>")
    parts.append('<div class="chat-reactions">')
    parts.extend(_reaction(message, row, can_post) for row in message.reaction_rows)
    parts.append("</div>")
    if can_post:
        # Out of the f-string, where makemessages would not find it.
        choose = escape(_("Choose a reaction"))
        parts.append(
            '<div class="chat-message__actions">'
            f'<a href="?reponse={message.pk}#composer" data-reply="{message.pk}">'
            f"{escape(_('Reply'))}</a>"
            f'<details class="chat-react"><summary>{escape(_("React"))}</summary>'
            f'<div class="chat-react__menu"><a href="{escape(message.react_url)}">'
            f"{choose}</a></div></details>"
        )
        if own:
            parts.append(
                f'<a href="{escape(message.edit_url)}">{escape(_("Edit"))}</a>'
                f'<button type="submit" form="chat-actions" '
                f'formaction="{escape(message.delete_url)}" class="link-button" '
                f'data-delete="{message.pk}">{escape(_("Delete"))}</button>'
            )
        parts.append("</div>")
    parts.append("</li>")
    return mark_safe("".join(parts))  # every value escaped above


def _attachment(file) -> str:
    url, name = escape(file.get_absolute_url()), escape(file.name)
    if not file.thumbnail:
        size = filesizeformat(file.size)
        return (
            f'<li><a href="{url}" class="chat-file" download>{name} '
            f'<span class="meta">({size})</span></a></li>'
        )
    box = ""
    if file.width:
        width, height = file.thumb_size
        box = f' width="{width}" height="{height}"'
    return (
        f'<li><a href="{url}" class="chat-file chat-file--photo">'
        f'<img src="{escape(file.thumbnail_url)}" alt="{name}" loading="lazy"{box}>'
        "</a></li>"
    )


def _reaction(message, row: dict, can_post: bool) -> str:
    name = escape(row["name"])
    people = ", ".join(escape(person) for person in row["people"])
    mine = " reaction--mine" if row["mine"] else ""
    pressed = "true" if row["mine"] else "false"
    disabled = "" if can_post else " disabled"
    return (
        f'<button type="submit" form="chat-actions" '
        f'formaction="{escape(message.react_url)}" name="reaction" '
        f'value="{escape(row["key"])}" class="reaction{mine}" '
        f'aria-pressed="{pressed}" title="{name} : {people}"{disabled}>'
        f'<span aria-hidden="true">{escape(row["emoji"])}</span>'
        f'<span class="visually-hidden">{name} ({people})</span> '
        f"{row['count']}</button>"
    )
