"""Members in the site search: only active members, matched on what they chose to
show to every member (never on e-mail, phone or a hidden commune)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from home import search
from members.models import Profile


def _search(user, query):
    profiles = Profile.objects.filter(user__is_active=True).select_related("user")
    for word in query.split()[:6]:
        profiles = profiles.filter(
            Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(display_name__icontains=word)
            | Q(headline__icontains=word)
            | Q(profession__icontains=word)
            | Q(skills__name__icontains=word)
        )
    ids = profiles.values("pk")
    return (
        Profile.objects.filter(pk__in=ids)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )


def _to_result(profile):
    return search.Result(
        profile.name,
        reverse("members:profile_detail", args=[profile.user_id]),
        profile.headline or profile.profession,
    )


search.register(search.Kind("members", _("Members"), _search, _to_result))
