from django import template

from intranet.markdown import render_markdown

register = template.Library()


@register.filter
def mission_markdown(text: str):
    """A mission's description: Markdown, sanitised as posts are."""
    return render_markdown(text)
