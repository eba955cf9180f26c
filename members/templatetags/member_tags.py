from django import template
from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from intranet.links import reverse
from intranet.templatetags import text_tags

register = template.Library()


# A member's avatar is the shell's, so that the apps below this one show it too.
register.simple_tag(text_tags.avatar, name="avatar")


@register.simple_tag
def member_card(profile) -> str:
    """A member of the directory: avatar, name, what they do and where, their
    first skills, and whether they collaborate or help newcomers. Written here
    rather than by a template: a page of the directory shows 24 of them."""
    skills = profile.skills.all()
    flags = [
        str(text)
        for shown, text in (
            (profile.open_to_collaborate, _("Open to collaborate")),
            (profile.helps_newcomers, _("Helps newcomers")),
        )
        if shown
    ]
    return format_html(
        '<li class="member-card card"> {} <div> <h2 class="member-card__name">'
        '<a href="{}">{}</a></h2> <p class="meta">{}{}</p> {} {} </div> </li>',
        text_tags.avatar(profile.user, 56),
        reverse("members:profile_detail", args=[profile.user_id]),
        profile.name,
        profile.headline or profile.profession,
        format_html(" · {}", profile.commune.name) if profile.commune else "",
        format_html(
            '<p class="member-card__skills">{}</p>',
            format_html_join(
                "",
                '<span class="badge">{}</span> ',
                ((skill.name,) for skill in skills[:5]),
            ),
        )
        if skills
        else "",
        format_html('<p class="meta">{}</p>', " · ".join(flags)) if flags else "",
    )


@register.simple_tag
def commune_counts(communes) -> str:
    """The directory's communes as list items, each a link that filters by it and
    how many members live there: a hundred items, written here rather than by a
    translated block each (a quarter of the directory's template time)."""
    return format_html_join(
        "",
        '<li><a href="?commune={}">{}</a> — {}</li>',
        (
            (
                commune.pk,
                commune.name,
                ngettext("%(counter)s member", "%(counter)s members", count)
                % {"counter": formats.localize(count)},
            )
            for commune, count in communes
        ),
    )
