"""The Wagtail admin's "repeat this meetup" view: a series in one action."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from events import services
from events.forms import SeriesForm
from events.models import EventPage


def series_create(request, pk):
    event = get_object_or_404(EventPage, pk=pk)
    parent = event.get_parent()
    rights = parent.permissions_for_user(request.user)
    if not rights.can_add_subpage():
        raise PermissionDenied
    form = SeriesForm(request.POST or None)
    if not rights.can_publish_subpage():
        del form.fields["publish"]
    dates = []
    if form.is_valid():
        rule, count = form.cleaned_data["rule"], form.cleaned_data["count"]
        start = timezone.localtime(event.start)
        dates = services.series_dates(first=start.date(), rule=rule, count=count)
        if "confirm" in request.POST:
            try:
                created = services.series_create(
                    event=event,
                    by=request.user,
                    rule=rule,
                    count=count,
                    publish=form.cleaned_data.get("publish", False),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d date was added to the series of “%(title)s”.",
                        "%(count)d dates were added to the series of “%(title)s”.",
                        len(created),
                    )
                    % {"count": len(created), "title": event.title},
                )
                return redirect("wagtailadmin_explore", parent.pk)
    return TemplateResponse(
        request,
        "events/admin/series.html",
        {
            "event": event,
            "form": form,
            "dates": dates,
            "header_title": _("Repeat “%(title)s”") % {"title": event.title},
        },
    )
