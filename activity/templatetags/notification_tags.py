from django import template

from intranet.shell import header

register = template.Library()


@register.inclusion_tag("tags/notification_bell.html", takes_context=True)
def notification_bell(context):
    request = context["request"]
    if not request.user.is_authenticated:
        return {"count": 0}
    return {"count": header.counts(request)["notifications"]}
