from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def avatar(user, size: int = 40):
    """The member's photo, or their initials on a coloured disc (HTML made here
    rather than by a template of its own: a page shows dozens of them)."""
    profile = getattr(user, "profile", None)
    photo = profile.photo_thumbnail if profile is not None else None
    if photo:
        return format_html(
            '<img class="avatar avatar--photo" src="{}" alt="" width="{}" '
            'height="{}" loading="lazy">',
            photo.url,
            size,
            size,
        )
    return format_html(
        '<span class="avatar" aria-hidden="true">{}</span>', user.initials
    )
