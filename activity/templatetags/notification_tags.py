from django import template

register = template.Library()


@register.inclusion_tag("tags/notification_bell.html", takes_context=True)
def notification_bell(context):
    from home.selectors import header_counts

    request = context["request"]
    if not request.user.is_authenticated:
        return {"count": 0}
    return {"count": header_counts(request)["notifications"]}
