"""A new member's first steps: a short checklist on the dashboard (photo,
profession and skills, offer or need, commune and committee, first follows,
notification choices), each step ticked from what the member's data says, never
self-declared; with people to follow, and put away on request.

It costs one query (every step read at once), only for members who joined in the
last weeks; once done or put away, a cache entry keeps it hidden for good."""

from datetime import timedelta
from typing import Any

from django.core.cache import cache
from django.db.models import CharField, Exists, F, OuterRef, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activity import activity
from activity.models import NotificationPreference
from committees.models import CommitteeMembership
from intranet.links import reverse
from intranet.shell import menu
from members.models import OfferNeed, TaggedSkill, User

NEW_FOR = timedelta(days=30)
SUGGESTIONS = 4
SUGGESTIONS_FOR = 600  # seconds


def _done_key(user_id: int) -> str:
    return f"members:first-steps:done:{user_id}"


def _suggestions_key(user_id: int, signature: str = "") -> str:
    # What the suggestions follow from (commune, committees, skills) is part of
    # the key: joining a committee brings its members at once.
    return f"members:first-steps:suggestions:{user_id}:{signature}"


def forget(user_id: int) -> None:
    cache.delete(_done_key(user_id))


def _state(user: Any) -> dict[str, Any] | None:
    profile = OuterRef("profile")
    return (
        User.objects.filter(pk=user.pk)
        .annotate(
            photo=F("profile__photo"),
            profession=F("profile__profession"),
            offered=Exists(OfferNeed.objects.filter(profile=profile)),
            commune=F("profile__commune_id"),
            dismissed=F("profile__first_steps_dismissed_at"),
            skilled=Exists(TaggedSkill.objects.filter(content_object=profile)),
            in_committee=Exists(
                CommitteeMembership.objects.filter(user=OuterRef("pk"))
            ),
            follows=Exists(activity.follows_of(OuterRef("pk"))),
            chose=Exists(NotificationPreference.objects.filter(user=OuterRef("pk"))),
        )
        .values(
            "photo",
            "profession",
            "offered",
            "commune",
            "dismissed",
            "skilled",
            "in_committee",
            "follows",
            "chose",
        )  # fmt: skip
        .first()
    )


def suggestions_for(
    user: Any, *, commune_id: int | None, signature: str = ""
) -> list[dict[str, Any]]:
    """Up to four members to follow: of one's committees first, then of one's
    commune, then sharing a skill; never oneself nor those already followed."""
    key = _suggestions_key(user.pk, signature)
    cached = cache.get(key)
    if cached is not None:
        return cached
    mine = CommitteeMembership.objects.filter(user=user.pk).values("committee_id")
    my_skills = TaggedSkill.objects.filter(content_object__user=user.pk).values(
        "tag_id"
    )
    same_committee = Exists(
        CommitteeMembership.objects.filter(user=OuterRef("pk"), committee_id__in=mine)
    )
    same_skill = Exists(
        TaggedSkill.objects.filter(
            content_object__user=OuterRef("pk"), tag_id__in=my_skills
        )
    )
    same_commune = Q(profile__commune_id=commune_id) if commune_id else Q(pk__in=[])
    followed = activity.followed_ids(user, User)
    people = (
        User.objects.filter(is_active=True)
        .exclude(pk=user.pk)
        # actstream keeps ids as text (PostgreSQL compares no text to a number).
        .annotate(text_pk=Cast("pk", CharField()))
        .exclude(text_pk__in=followed.values("object_id"))
        .annotate(
            in_committee=same_committee, in_commune=same_commune, skill=same_skill
        )
        .filter(Q(in_committee=True) | Q(in_commune=True) | Q(skill=True))
        .select_related("profile")
        .order_by("-in_committee", "-in_commune", "-skill", "last_name", "pk")
    )[:SUGGESTIONS]
    found = [
        {
            "pk": person.pk,
            "name": person.get_full_name(),
            "initials": person.initials,
            "photo": person.profile.photo_thumbnail.url
            if person.profile.photo_thumbnail
            else "",
            "why": _("in your committee")
            if person.in_committee
            else _("in your commune")
            if person.in_commune
            else _("shares a skill of yours"),
        }
        for person in people
    ]
    found = [{**item, "why": str(item["why"])} for item in found]
    cache.set(key, found, SUGGESTIONS_FOR)
    return found


def checklist(request: Any) -> dict[str, Any] | None:
    """The panel's context, or None: not a new member, or done, or put away."""
    user = request.user
    if user.date_joined < timezone.now() - NEW_FOR or cache.get(_done_key(user.pk)):
        return None
    state = _state(user)
    if state is None or state["dismissed"]:
        cache.set(_done_key(user.pk), True, int(NEW_FOR.total_seconds()))
        return None
    profile_url = reverse("members:profile_edit")
    committees_url = menu.section_url(request, "home.CommitteeIndexPage")
    steps = [
        (_("Add a photo"), bool(state["photo"]), f"{profile_url}#id_new_photo"),
        (
            _("Say your profession and your skills"),
            bool(state["profession"] and state["skilled"]),
            f"{profile_url}#id_profession",
        ),
        (
            _("Say what you offer or what you look for"),
            state["offered"],
            f"{profile_url}#offers-needs",
        ),
        (_("Give your commune"), bool(state["commune"]), f"{profile_url}#id_commune"),
        (_("Join your village's committee"), state["in_committee"], committees_url),
        (
            _("Follow your first members"),
            state["follows"],
            reverse("members:directory"),
        ),
        (
            _("Choose how you are notified"),
            state["chose"],
            reverse("activity:preferences"),
        ),
    ]
    done = sum(1 for _label, ticked, _url in steps if ticked)
    if done == len(steps):
        cache.set(_done_key(user.pk), True, int(NEW_FOR.total_seconds()))
        return None
    return {
        "steps": [
            {"label": label, "done": ticked, "url": url} for label, ticked, url in steps
        ],
        "done": done,
        "total": len(steps),
        "suggestions": []
        if state["follows"]
        else suggestions_for(
            user,
            commune_id=state["commune"],
            signature=f"{state['commune']}-{state['in_committee']}-{state['skilled']}",
        ),
    }
