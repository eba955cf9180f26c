"""What the Wagtail site holds about a member, for the download and the erasure:
the news they wrote, and for editors what the admin keeps of their work."""

from wagtail.admin.models import EditingSession, FormState
from wagtail.models import (
    APIToken,
    Comment,
    CommentReply,
    Page,
    PageSubscription,
    UploadedFile,
)
from wagtail.users.models import UserProfile

from home.models import NewsPage
from intranet.shell.personal_data import eraser, exporter, masked


@exporter("news", covers=[NewsPage])
def export_news(user) -> list:
    return [
        {"title": page.title, "date": page.date, "introduction": page.intro,
         "published": page.live, "address": page.full_url}
        for page in NewsPage.objects.filter(author=user).order_by("date", "pk")
    ]  # fmt: skip


@exporter(
    "site_editing",
    covers=[UserProfile, PageSubscription, EditingSession, FormState, APIToken,
            UploadedFile, Comment, CommentReply],
)  # fmt: skip
def export_site_editing(user) -> dict:
    profile = UserProfile.objects.filter(user=user).first()
    return {
        "admin_preferences": profile and {
            "language": profile.preferred_language,
            "time_zone": profile.current_time_zone,
            "theme": profile.theme,
            "notified_of": {
                "submissions": profile.submitted_notifications,
                "approvals": profile.approved_notifications,
                "rejections": profile.rejected_notifications,
                "comments": profile.updated_comments_notifications,
            },
        },
        "page_subscriptions": [
            {"page": s.page.title, "comment_notifications": s.comment_notifications}
            for s in PageSubscription.objects.filter(user=user).select_related("page")
        ],
        "review_comments": [
            {"page": c.page.title, "text": c.text, "created_at": c.created_at}
            for c in Comment.objects.filter(user=user).select_related("page")
        ],
        "review_replies": [
            {"page": r.comment.page.title, "text": r.text, "created_at": r.created_at}
            for r in CommentReply.objects.filter(user=user)
            .select_related("comment__page")
        ],
        "api_tokens": [
            {"name": t.name, "key": masked(t.prefix), "created_at": t.created,
             "revoked_at": t.revoked_at, "last_used_at": t.last_used_at}
            for t in APIToken.objects.filter(user=user)
        ],
        "editing_sessions": [
            {"object": s.object_id, "last_seen_at": s.last_seen_at}
            for s in EditingSession.objects.filter(user=user)
        ],
        "unsaved_forms": FormState.objects.filter(user=user).count(),
        "uploads_in_progress": [
            u.file.name for u in UploadedFile.objects.filter(uploaded_by_user=user)
        ],
    }  # fmt: skip


@eraser(
    covers=[UserProfile, PageSubscription, EditingSession, FormState, APIToken,
            UploadedFile, Page],
)  # fmt: skip
def erase_site_editing(user) -> None:
    """What the admin keeps for the editor alone goes; the pages they locked are
    unlocked. The site's history stays (`members.personal_data.KEPT`)."""
    profile = UserProfile.objects.filter(user=user).first()
    if profile is not None:
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.delete()
    for upload in UploadedFile.objects.filter(uploaded_by_user=user):
        upload.file.delete(save=False)
        upload.delete()
    for model in (PageSubscription, EditingSession, FormState, APIToken):
        model.objects.filter(user=user).delete()
    Page.objects.filter(locked_by=user).update(
        locked=False, locked_by=None, locked_at=None
    )
