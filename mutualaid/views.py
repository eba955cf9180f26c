from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from intranet.errors import tell
from intranet.http import object_or_404
from members import selectors as member_selectors
from members.models import Profile
from mutualaid import selectors, services
from mutualaid.forms import AnswerForm, EntryForm, FilterForm
from mutualaid.models import HelpAnswer


def entry_list(request):
    form = FilterForm(request.GET or None)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    filters = selectors.Filters(
        kind=data.get("type", ""),
        category=data.get("categorie", ""),
        state=data.get("etat") or "open",
    )
    entries = selectors.entry_list(viewer=request.user, filters=filters)
    page = Paginator(entries, selectors.PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "mutualaid/entry_list.html",
        {"form": form, "page": page, "filters": filters},
    )


def entry_create(request):
    commune = (
        Profile.objects.filter(user=request.user)
        .values_list("commune_id", flat=True)
        .first()
    )
    form = EntryForm(request.POST or None, commune=commune)
    if form.is_valid():
        try:
            entry = services.entry_create(author=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Your entry is posted. Here is who could match it.")
            )
            return redirect(entry)
    return render(
        request,
        "mutualaid/entry_form.html",
        {"form": form, "skill_suggestions": member_selectors.skill_names()},
    )


def entry_edit(request, pk):
    """Its author changes an open entry (the same form as to post it)."""
    entry = _entry(request, pk)
    if entry.author_id != request.user.pk:
        raise Http404
    initial = {
        "kind": entry.kind,
        "category": entry.category,
        "title": entry.title,
        "details": entry.details,
        "commune": entry.commune_id,
        "skill": entry.skill.name if entry.skill else "",
    }
    form = EntryForm(
        request.POST or None,
        initial=initial,
        commune=entry.commune_id,
        expires=timezone.localdate(entry.expires_at),
    )
    if form.is_valid():
        try:
            services.entry_update(entry=entry, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your entry is changed."))
            return redirect(entry)
    return render(
        request,
        "mutualaid/entry_form.html",
        {
            "form": form,
            "entry": entry,
            "skill_suggestions": member_selectors.skill_names(),
        },
    )


def _entry(request, pk):
    return object_or_404(
        selectors.visible_entries(viewer=request.user).select_related(
            "author__profile", "commune", "skill"
        ),
        pk,
    )


def entry_detail(request, pk):
    entry = _entry(request, pk)
    answers = selectors.answers_for(entry=entry, viewer=request.user)
    mine = entry.author_id == request.user.pk
    moderator = selectors.is_moderator(user=request.user)
    answered = any(answer.author_id == request.user.pk for answer in answers)
    return render(
        request,
        "mutualaid/entry_detail.html",
        {
            "entry": entry,
            "answers": answers,
            "mine": mine,
            "answered": answered,
            "can_close": entry.is_open and (mine or moderator),
            "moderator": moderator,
            "form": AnswerForm()
            if entry.is_open and not mine and not answered
            else None,
            "matches": selectors.matches_for(entry=entry, viewer=request.user),
        },
    )


@require_POST
def answer_create(request, pk):
    entry = _entry(request, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        tell(request, form)
        return redirect(entry)
    try:
        services.answer_create(
            entry=entry, author=request.user, message=form.cleaned_data["message"]
        )
    except ValidationError as error:
        tell(request, error)
    else:
        messages.success(request, _("Your answer was sent to the author."))
    return redirect(entry)


@require_POST
def entry_close(request, pk):
    entry = _entry(request, pk)
    services.entry_close(entry=entry, user=request.user)  # others: 403
    messages.success(request, _("Settled: the entry is closed. Thank you!"))
    return redirect(entry)


@require_POST
def entry_hide(request, pk):
    entry = _entry(request, pk)
    hidden = request.POST.get("hidden") != "0"
    services.entry_hide(entry=entry, by=request.user, hidden=hidden)  # others: 403
    messages.success(
        request,
        _("The entry is hidden.") if hidden else _("The entry is shown again."),
    )
    return redirect(entry)


@require_POST
def conversation_start(request, pk, answer):
    entry = _entry(request, pk)
    found = object_or_404(
        HelpAnswer.objects.select_related("entry", "author"), answer, entry=entry
    )
    try:
        room = services.conversation_start(answer=found, user=request.user)
    except ValidationError as error:  # (PermissionDenied: 403)
        tell(request, error)
        return redirect(entry)
    return redirect(room)
