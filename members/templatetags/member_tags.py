from django import template

register = template.Library()


@register.inclusion_tag("tags/avatar.html")
def avatar(user, size: int = 40):
    """The member's photo, or their initials on a coloured disc."""
    profile = getattr(user, "profile", None)
    photo = profile.photo_thumbnail if profile is not None else None
    return {"user": user, "photo": photo or None, "size": size}
