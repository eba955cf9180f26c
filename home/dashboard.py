"""The panels of the member's home dashboard. Each app registers its own panel
(upcoming meetups, recent forum topics, new members…) with `register`."""

from collections.abc import Callable
from dataclasses import dataclass

MAIN, SIDE = "main", "side"


@dataclass(frozen=True)
class Panel:
    """`get_context(request)` returns the template's context, or None to hide it."""

    key: str
    template: str
    get_context: Callable
    column: str = MAIN
    order: int = 100


PANELS: list[Panel] = []


def register(panel: Panel) -> None:
    PANELS.append(panel)
    PANELS.sort(key=lambda p: (p.column, p.order))


def render_context(request) -> dict[str, list]:
    """The visible panels of each column, with their context, in order."""
    columns: dict[str, list] = {MAIN: [], SIDE: []}
    for panel in PANELS:
        context = panel.get_context(request)
        if context is not None:
            columns[panel.column].append({"template": panel.template, **context})
    return columns


def _network_news(request):
    from home import selectors

    return {"news": selectors.attach_committees(selectors.network_news()[:5])}


def _committee_news(request):
    from home import selectors
    from members.selectors import memberships_of

    committees = [m.committee for m in memberships_of(user=request.user)]
    news = selectors.news_of_committees(committees)[:5]
    return {"news": selectors.attach_committees(news)}


def _my_committees(request):
    from members.selectors import memberships_of

    return {"memberships": list(memberships_of(user=request.user))}


def _shortcuts(request):
    from home.models import CommitteeIndexPage
    from members.selectors import can_invite_somewhere

    return {
        "committee_index": CommitteeIndexPage.objects.live().filter(depth=3).first(),
        "can_invite": can_invite_somewhere(user=request.user),
    }


# Mon fil (activity) leads the main column; the news lists sit beside it.
register(
    Panel("network_news", "home/panels/network_news.html", _network_news, SIDE, 20)
)
register(
    Panel(
        "committee_news", "home/panels/committee_news.html", _committee_news, SIDE, 30
    )
)
register(
    Panel("my_committees", "home/panels/my_committees.html", _my_committees, SIDE, 10)
)
register(Panel("shortcuts", "home/panels/shortcuts.html", _shortcuts, SIDE, 90))
