from django import template

from intranet import membertext

register = template.Library()


@register.filter
def highlight(text, query):
    """Wrap each word of `query` found in `text` in <mark>, escaping everything;
    case and accents aside (« ecole » marks « École »)."""
    return membertext.highlight(text, query)
