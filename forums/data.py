"""What the forums hold about a member, for their data download and erasure."""

from forums.models import (
    CategoryRead,
    Post,
    PostReaction,
    Report,
    Subscription,
    Topic,
    TopicRead,
)
from intranet.shell.personal_data import eraser, exporter


@exporter(
    "forums",
    covers=[Topic, Post, PostReaction, Subscription, Report, TopicRead, CategoryRead],
)
def export_forums(user) -> dict:
    return {
        "topics": [
            {"id": t.pk, "title": t.title, "category": t.category.name,
             "created_at": t.created_at}
            for t in Topic.objects.filter(author=user).select_related("category")
        ],
        "posts": [
            {"id": p.pk, "topic": p.topic_id, "text": p.body,
             "created_at": p.created_at, "edited_at": p.edited_at,
             "deleted_at": p.deleted_at}
            for p in Post.objects.filter(author=user)
        ],
        "reactions": [
            {"post": r.post_id, "reaction": r.reaction, "created_at": r.created_at}
            for r in PostReaction.objects.filter(user=user)
        ],
        "subscriptions": [
            {"topic": s.topic_id, "category": s.category_id, "level": s.level}
            for s in Subscription.objects.filter(user=user)
        ],
        "reports": [
            {"post": r.post_id, "reason": r.reason, "status": r.status,
             "created_at": r.created_at}
            for r in Report.objects.filter(reporter=user)
        ],
        "topics_read": [
            {"topic": r.topic_id, "read_at": r.read_at}
            for r in TopicRead.objects.filter(user=user)
        ],
        "categories_read": [
            {"category": r.category_id, "read_at": r.read_at}
            for r in CategoryRead.objects.filter(user=user)
        ],
    }  # fmt: skip


@eraser(covers=[PostReaction, Subscription, TopicRead, CategoryRead, Report])
def erase_forums(user) -> None:
    """What they wrote stays (as « Ancien membre »); what is theirs alone goes."""
    for model in (PostReaction, Subscription):
        model.objects.filter(user=user).delete()
    TopicRead.objects.filter(user=user).delete()
    CategoryRead.objects.filter(user=user).delete()
    Report.objects.filter(reporter=user).delete()
