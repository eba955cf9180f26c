from django import template

from chat import text

register = template.Library()


@register.simple_tag
def chat_text(message):
    """A message's text as safe HTML (links and mentions only)."""
    return text.render(message.body, getattr(message, "names", {}))
