from django import template

from home import selectors

register = template.Library()


@register.inclusion_tag("home/includes/committee_news.html")
def committee_news(committee, size=5):
    """A committee's latest local news, for its page."""
    news = selectors.news_of_committees(committees=[committee])[:size]
    return {"local_news": selectors.attach_committees(news=news)}
