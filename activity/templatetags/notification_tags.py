from django import template

from activity import notifications

register = template.Library()


@register.inclusion_tag("tags/notification_bell.html", takes_context=True)
def notification_bell(context):
    user = context["request"].user
    return {"count": notifications.unread_count(user) if user.is_authenticated else 0}
