import csv
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from committees.models import CommitteePage
from events import ics, selectors, services
from events.forms import OfferForm, RideForm, RsvpForm
from events.models import CarpoolOffer, CarpoolSeat, EventPage, Rsvp
from intranet import errors
from members import selectors as member_selectors
from members.selectors import user_for_feed_token

PER_PAGE = 20


# The agenda (routes of EventIndexPage)


def _committee_filter(request):
    slug = request.GET.get("comite", "")[:100]
    committee = CommitteePage.objects.live().filter(slug=slug).first() if slug else None
    committees = (
        CommitteePage.objects.live()
        .filter(events__live=True)
        .distinct()
        .order_by("title")
        .only("title", "slug")
    )
    return committee, committees


def agenda_list(request, index, *, past: bool):
    committee, committees = _committee_filter(request)
    if past:
        events = selectors.past(user=request.user, committee=committee)
    else:
        events = selectors.upcoming(user=request.user, committee=committee)
    page_obj = Paginator(events, PER_PAGE).get_page(request.GET.get("page"))
    return index.render(
        request,
        template="events/event_index_page.html",
        context_overrides={
            "view": "past" if past else "upcoming",
            "page_obj": page_obj,
            "committee": committee,
            "committees": committees,
        },
    )


def agenda_month(request, index, year: int | None, month: int | None):
    today = timezone.localdate()
    year, month = year or today.year, month or today.month
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise Http404
    committee, committees = _committee_filter(request)
    first = date(year, month, 1)
    return index.render(
        request,
        template="events/event_index_page.html",
        context_overrides={
            "view": "month",
            "weeks": selectors.month_grid(
                user=request.user, year=year, month=month, committee=committee
            ),
            "month_first": first,
            "previous_month": services.month_start(day=first, months=-1),
            "next_month": services.month_start(day=first, months=1),
            "committee": committee,
            "committees": committees,
            "weekdays": [date(2024, 1, day) for day in range(1, 8)],  # Mon…Sun
        },
    )


# The meetup's full lists (a route of EventPage)

WAITLIST_PARAMETER = "attente"


def attendees(request, event: EventPage):
    """Who is going, a page at a time, with the commune each member lets the
    reader see; the waiting list for the organisers. A page that does not exist
    gets a 404 that says so."""
    waiting = request.GET.get("liste") == WAITLIST_PARAMETER
    organiser = selectors.can_organise(user=request.user, event=event)
    if waiting and not organiser:
        raise PermissionDenied
    status = Rsvp.Status.WAITLIST if waiting else Rsvp.Status.GOING
    number = request.GET.get("page") or 1
    try:
        page_obj = selectors.attendees_page(
            event=event, viewer=request.user, status=status, number=number
        )
    except InvalidPage:
        page_obj = None
    return TemplateResponse(
        request,
        "events/event_attendees.html",
        {
            "page": event,
            "self": event,
            "counts": selectors.answer_counts(event=event),
            "page_obj": page_obj,
            "waiting": waiting,
            "can_organise": organiser,
            "asked": str(number)[:12],
        },
        status=200 if page_obj is not None else 404,
    )


# Answering


def _back(request, event: EventPage, anchor: str = ""):
    if event.live and event.url:
        return redirect(event.url + anchor)
    return redirect(selectors.agenda_url(request=request) or "/")


ANSWER_SAVED = {
    Rsvp.Status.GOING: gettext_lazy("You are going. See you there!"),
    Rsvp.Status.WAITLIST: gettext_lazy(
        "The meetup is full: you are on the waiting list. You will be told as soon "
        "as a place frees up for you."
    ),
    Rsvp.Status.NOT_GOING: gettext_lazy("Your answer is saved: you are not going."),
}


@require_POST
def rsvp(request, pk):
    event = get_object_or_404(EventPage, pk=pk)
    form = RsvpForm(request.POST)
    if not form.is_valid():
        errors.tell(request, form)
        return _back(request, event, "#reponse")
    try:
        answer = services.rsvp_set(
            event=event,
            user=request.user,
            going=form.cleaned_data["going"],
            guests=form.cleaned_data["guests"] or 0,
        )
    except ValidationError as error:
        errors.tell(request, error)
    else:
        messages.success(request, _answer_saved(event, answer))
    return _back(request, event, "#reponse")


def _answer_saved(event: EventPage, answer: Rsvp) -> str:
    """What the answer led to, and why when a party waits while places are left."""
    free = (
        selectors.places_free(event=event)
        if answer.status == Rsvp.Status.WAITLIST
        else 0
    )
    if not free:
        return str(ANSWER_SAVED[answer.status])
    return ngettext(
        "%(count)d place is left; you are %(seats)d: you are on the waiting list.",
        "%(count)d places are left; you are %(seats)d: you are on the waiting list.",
        free,
    ) % {"count": free, "seats": answer.seats}


# Calendars


def _calendar_response(content: bytes, filename: str, *, download: bool):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def event_ics(request, pk):
    event = get_object_or_404(
        selectors.visible_events().select_related("commune"), pk=pk
    )
    return _calendar_response(
        ics.calendar([event], name=event.title), f"{event.slug}.ics", download=True
    )


@login_not_required
def calendar_feed(request, token):
    """The member's calendar for their calendar application: the secret token in
    the address stands for a login (renewed from the account page)."""
    user = user_for_feed_token(key=token)
    if user is None:
        raise Http404
    content = ics.calendar(selectors.calendar_of(user=user), name=_("Sohosolo meetups"))
    response = _calendar_response(content, "sohosolo.ics", download=False)
    response["Cache-Control"] = "private, max-age=900"
    return response


def attendees_csv(request, pk):
    event = get_object_or_404(selectors.visible_events(), pk=pk)
    if not selectors.can_organise(user=request.user, event=event):
        raise PermissionDenied
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="participants-{event.slug}.csv"'
    )
    response.write("\ufeff")  # spreadsheets then read the accents right
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [_("Answer"), _("Name"), _("Guests"), _("Places"), _("Commune"),
         _("Answered on"), _("Waiting list rank")]
    )  # fmt: skip
    lists = {
        status: selectors.answers(event=event, status=status)
        for status in (Rsvp.Status.GOING, Rsvp.Status.WAITLIST)
    }
    profiles = [
        answer.user.profile
        for answers in lists.values()
        for answer in answers
        if hasattr(answer.user, "profile")
    ]
    # Each member's privacy holds here too: the organiser sees what the profile shows.
    visible = member_selectors.visible_fields(profiles=profiles, viewer=request.user)
    for status, answers in lists.items():
        for rank, answer in enumerate(answers, start=1):
            profile = getattr(answer.user, "profile", None)
            commune = (
                profile.commune.name
                if profile and profile.commune and visible[profile.user_id]["commune"]
                else ""
            )
            writer.writerow(
                [
                    answer.get_status_display(),
                    str(answer.user),
                    answer.guests,
                    answer.seats,
                    commune,
                    date_format(timezone.localtime(answer.created_at), "d/m/Y H:i"),
                    rank if status == Rsvp.Status.WAITLIST else "",
                ]
            )
    return response


# Carpooling


def _run(request, action, success: str) -> None:
    try:
        action()
    except ValidationError as error:
        errors.tell(request, error)
    else:
        messages.success(request, success)


@require_POST
def offer_create(request, pk):
    event = get_object_or_404(selectors.visible_events(), pk=pk)
    form = OfferForm(request.POST)
    if form.is_valid():
        _run(
            request,
            lambda: services.offer_create(
                event=event, driver=request.user, **form.cleaned_data
            ),
            _("Your offer is online. You will be told when someone asks for a seat."),
        )
    else:
        errors.tell(request, form)
    return _back(request, event, "#covoiturage")


@require_POST
def ride_request(request, pk):
    event = get_object_or_404(selectors.visible_events(), pk=pk)
    if request.POST.get("action") == "cancel":
        services.ride_request_cancel(event=event, user=request.user)
        messages.success(request, _("You no longer look for a ride."))
        return _back(request, event, "#covoiturage")
    form = RideForm(request.POST)
    if form.is_valid():
        _run(
            request,
            lambda: services.ride_request_set(
                event=event, user=request.user, **form.cleaned_data
            ),
            _("Drivers can see that you look for a ride; offers nearest to you "
              "come first."),
        )  # fmt: skip
    else:
        errors.tell(request, form)
    return _back(request, event, "#covoiturage")


@require_POST
def offer_withdraw(request, pk):
    offer = get_object_or_404(CarpoolOffer.objects.select_related("event"), pk=pk)
    services.offer_withdraw(offer=offer, by=request.user)
    messages.success(request, _("Your offer is withdrawn; your passengers are told."))
    return _back(request, offer.event, "#covoiturage")


@require_POST
def seat_request(request, pk):
    offer = get_object_or_404(CarpoolOffer.objects.select_related("event"), pk=pk)
    _run(
        request,
        lambda: services.seat_request(offer=offer, passenger=request.user),
        _("Your request is sent to the driver."),
    )
    return _back(request, offer.event, "#covoiturage")


@require_POST
def seat_answer(request, pk):
    """The driver accepts or declines; the passenger cancels."""
    seat = get_object_or_404(CarpoolSeat.objects.select_related("offer__event"), pk=pk)
    action = request.POST.get("action")
    if action in {"accept", "decline"}:
        accept = action == "accept"
        _run(
            request,
            lambda: services.seat_decide(seat=seat, by=request.user, accept=accept),
            _("Accepted: the passenger is told.")
            if accept
            else _("Declined: the passenger is told."),
        )
    elif action == "cancel":
        services.seat_cancel(seat=seat, by=request.user)
        messages.success(request, _("Your seat is cancelled; the driver is told."))
    else:
        raise PermissionDenied
    return _back(request, seat.offer.event, "#covoiturage")
