from django import template

from forums import selectors

register = template.Library()


@register.inclusion_tag("forums/includes/committee_forums.html", takes_context=True)
def committee_forums(context, committee):
    """The committee's forum categories the reader may open."""
    categories = selectors.readable_categories(user=context["request"].user).filter(
        committee=committee
    )
    return {"categories": list(categories)}
