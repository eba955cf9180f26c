"""The home dashboard's panel for sponsors and référents: the families they
accompany and the checklist steps that are late."""

from home import dashboard


def _accompanied(request):
    from welcome import selectors

    projects = selectors.followed_projects(request.user)
    if not projects:
        return None
    return {
        "projects": projects[:6],
        "more": max(len(projects) - 6, 0),
        "overdue": list(selectors.overdue_items(request.user)[:5]),
    }


dashboard.register(
    dashboard.Panel(
        "newcomers", "welcome/panels/accompanied.html", _accompanied, dashboard.MAIN, 5
    )
)
