"""Writes of `home` that are not Wagtail's own."""

from activity import activity
from committees.models import CommitteePage
from home.models import NewsPage
from members.models import User


def news_announce(*, news: NewsPage, by: User | None) -> bool:
    """Put a news in the feeds on its first publication (not on later edits), under
    its committee when it has one. True if it was announced now."""
    if by is None or activity.recorded(activity.PUBLISHED, news):
        return False
    committee = CommitteePage.objects.filter(
        path=news.path[: -NewsPage.steplen]
    ).first()
    activity.record(by, activity.PUBLISHED, action_object=news, target=committee)
    return True
