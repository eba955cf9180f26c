from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from activity import notifications
from activity.models import Channel, Notification


def notification_list(request):
    page_obj = Paginator(
        Notification.objects.filter(recipient=request.user).select_related("actor"), 30
    ).get_page(request.GET.get("page"))
    return render(request, "activity/notification_list.html", {"page_obj": page_obj})


@require_POST
def notification_read(request, pk):
    """Mark one notification read, then open what it is about."""
    notifications.mark_read(user=request.user, pk=pk)
    target = (
        Notification.objects.filter(recipient=request.user, pk=pk)
        .values_list("url", flat=True)
        .first()
    )
    safe = target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    )
    return redirect(target if safe else "activity:list")


@require_POST
def notification_read_all(request):
    count = notifications.mark_read(user=request.user)
    messages.success(
        request, _("%(count)s notifications marked as read.") % {"count": count}
    )
    return redirect("activity:list")


def preferences(request):
    if request.method == "POST":
        for kind, _current in notifications.preferences_of(request.user):
            channel = request.POST.get(kind.key)
            if channel in Channel.values:
                notifications.preference_set(
                    user=request.user, kind=kind.key, channel=channel
                )
        messages.success(request, _("Your notification choices were saved."))
        return redirect("activity:preferences")
    return render(
        request,
        "activity/preferences.html",
        {
            "rows": notifications.preferences_of(request.user),
            "channels": Channel.choices,
        },
    )
