from datetime import datetime, time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import (
    HttpResponse,
    HttpResponseNotAllowed,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from communes.maps import MapPoint
from intranet import errors, ratelimit
from intranet.http import object_or_404
from territory import selectors, services, transfers
from territory.forms import (
    ManualTestForm,
    MeetingForm,
    SpeedTestForm,
    WorkspaceFilterForm,
)
from territory.models import Place, Source, SpeedTest

PER_PAGE = 20
# The transfers of a test (about 6 pings, 12 downloads, 12 uploads): a few tests
# an hour, never a stream of data at someone's request.
TRANSFER_RATE = ratelimit.Rate(240, 60 * 60)


@login_not_required
def broadband_map(request):
    """The Gers shaded by the median download of each commune, with the table of
    the same figures (communes where at least 3 members tested)."""
    figures = selectors.gers_figures()
    points = [
        MapPoint(
            item.commune,
            _("%(commune)s: %(speed)s Mb/s")
            % {
                "commune": item.commune.name,
                "speed": f"{item.overall.median_download:.0f}",
            },
            tone=item.band,
        )
        for item in figures
    ]
    return render(
        request,
        "territory/broadband_map.html",
        {
            "figures": figures,
            "points": points,
            "bands": [
                (index, label) for index, (_low, label) in enumerate(selectors.BANDS, 1)
            ],
            "min_members": selectors.MIN_MEMBERS,
        },
    )


def _initial(user) -> dict:
    latest = selectors.member_tests(user=user).only("commune", "technology").first()
    if latest is not None:
        return {"commune": latest.commune_id, "technology": latest.technology}
    profile = getattr(user, "profile", None)
    return {"commune": getattr(profile, "commune_id", None), "place": Place.HOME}


def _record(request, form, *, source: str, measured_at=None) -> bool:
    data = form.cleaned_data
    try:
        services.speed_test_record(
            user=request.user,
            commune=data["commune"],
            technology=data["technology"],
            place=data["place"],
            download_mbps=data["download_mbps"],
            upload_mbps=data["upload_mbps"],
            latency_ms=data["latency_ms"],
            source=source,
            measured_at=measured_at,
            workspace=data.get("workspace"),
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, field_errors in error.error_dict.items():
                for each in field_errors:
                    form.add_error(field if field in form.fields else None, each)
        else:
            form.add_error(None, error)
        return False
    messages.success(request, _("Your test is recorded. Thank you!"))
    return True


def speed_test(request):
    """The test in the browser; the member confirms the commune, the technology
    and the place, then records the result."""
    initial = _initial(request.user)
    here = request.GET.get("lieu", "")
    if here.isdigit() and len(here) < 12:  # from a workspace's page
        initial.update(workspace=int(here), place=Place.WORKSPACE)
    form = SpeedTestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if _record(request, form, source=Source.BROWSER):
            return redirect("territory:my_tests")
    return render(
        request,
        "territory/speed_test.html",
        {
            "form": form,
            "max_download": transfers.MAX_DOWNLOAD_BYTES,
            "max_upload": transfers.MAX_UPLOAD_BYTES,
        },
        status=400 if form.errors else 200,
    )


def manual_entry(request):
    """A result copied from another speed test, with the same fields."""
    initial = {**_initial(request.user), "measured_on": timezone.localdate()}
    form = ManualTestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        day = form.cleaned_data["measured_on"]
        measured_at = timezone.make_aware(datetime.combine(day, time(12)))
        if _record(request, form, source=Source.MANUAL, measured_at=measured_at):
            return redirect("territory:my_tests")
    return render(
        request,
        "territory/manual_entry.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def my_tests(request):
    """The member's own tests, newest first, each with its delete button."""
    page_obj = Paginator(selectors.member_tests(user=request.user), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "territory/my_tests.html", {"page_obj": page_obj})


@require_POST
def test_delete(request, pk):
    test = object_or_404(SpeedTest.objects.filter(user=request.user), pk)
    services.speed_test_delete(user=request.user, test=test)
    messages.success(request, _("The test is deleted."))
    return redirect("territory:my_tests")


# The transfers of the browser's test


def _too_many(request) -> HttpResponse | None:
    if ratelimit.spend(f"speed-transfers:{request.user.pk}", TRANSFER_RATE):
        return None
    return JsonResponse(
        {"error": _("Too many measures in the last hour: try again later.")},
        status=429,
    )


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@never_cache
def ping(request):
    """An empty answer: the browser times the round trip."""
    return _too_many(request) or HttpResponse(status=204)


@require_GET
def download(request):
    """Random bytes from the start of the file, up to the asked `Range` (the
    whole file, 32 MB, at most)."""
    refused = _too_many(request)
    if refused:
        return refused
    path = transfers.file_path()
    if settings.SPEEDTEST_NGINX:
        # nginx sends the file (and honours the Range header) from its internal
        # location; the answer then costs Django nothing per byte.
        response = HttpResponse(content_type="application/octet-stream")
        response["X-Accel-Redirect"] = f"/_debit/{transfers.FILE_NAME}"
        return _no_store(response)
    asked = transfers.asked_range(request.headers.get("Range", ""))
    first, last = asked or (0, transfers.MAX_DOWNLOAD_BYTES - 1)
    response = StreamingHttpResponse(
        transfers.read(path, first, last),
        content_type="application/octet-stream",
        status=206 if asked else 200,
    )
    response["Content-Length"] = str(last - first + 1)
    response["Accept-Ranges"] = "bytes"
    if asked:
        response["Content-Range"] = (
            f"bytes {first}-{last}/{transfers.MAX_DOWNLOAD_BYTES}"
        )
    return _no_store(response)


@require_POST
def upload(request):
    """Read the body and forget it, up to 16 MB; how many bytes came."""
    refused = _too_many(request)
    if refused:
        return refused
    length = request.META.get("CONTENT_LENGTH") or ""
    if length.isdigit() and int(length) > transfers.MAX_UPLOAD_BYTES:
        return JsonResponse({"error": _("Too much data sent.")}, status=413)
    received = transfers.drain(request, transfers.MAX_UPLOAD_BYTES + 1)
    if received > transfers.MAX_UPLOAD_BYTES:
        return JsonResponse({"error": _("Too much data sent.")}, status=413)
    return _no_store(JsonResponse({"received": received}))


# Workspaces (routes of WorkspaceIndexPage and WorkspacePage)


def workspace_directory(request, index):
    """The places to work on the map and in a list, filtered by distance from a
    commune and by equipment (public)."""
    form = WorkspaceFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    found = selectors.workspace_directory(
        origin=filters.get("commune"),
        within_km=int(filters.get("distance") or 0),
        equipment=filters.get("equipment") or [],
    )
    points = [
        MapPoint(item.page.commune, item.page.title, item.page.url) for item in found
    ]
    return TemplateResponse(
        request,
        "territory/workspace_index_page.html",
        {
            **index.get_context(request),
            "form": form,
            "found": found,
            "points": points,
            "filtered": bool(filters) and any(filters.values()),
        },
    )


def workspace_detail(request, page):
    context = page.get_context(request)
    context.update(
        selectors.workspace_facts(
            workspace=page,
            viewer=request.user if request.user.is_authenticated else None,
        )
    )
    if request.user.is_authenticated:
        context["meet_form"] = MeetingForm(initial={"day": timezone.localdate()})
    return TemplateResponse(request, "territory/workspace_page.html", context)


def _members_only(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


def workspace_regular(request, page):
    """« J'y travaille », on or off."""
    refused = _members_only(request)
    if refused:
        return refused
    works_there = request.POST.get("works_there") == "1"
    try:
        services.workspace_regular_set(
            user=request.user, workspace=page, works_there=works_there
        )
    except ValidationError as error:
        errors.tell(request, error)
    else:
        messages.success(
            request,
            _("Members now see that you work here.")
            if works_there
            else _("You no longer appear among the regulars here."),
        )
    return redirect(page.url)


def workspace_meet(request, page):
    """« Se retrouver là-bas »: propose a day; the regulars are told."""
    refused = _members_only(request)
    if refused:
        return refused
    form = MeetingForm(request.POST)
    if form.is_valid():
        try:
            services.meeting_propose(
                user=request.user,
                workspace=page,
                day=form.cleaned_data["day"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            errors.tell(request, error)
        else:
            messages.success(
                request, _("Your proposal is on the page; the regulars are told.")
            )
    else:
        errors.tell(request, form)
    return redirect(page.url + "#meet")
