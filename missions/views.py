from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from committees import rights
from intranet import errors
from intranet.http import object_or_404
from members import selectors as member_selectors
from missions import selectors, services
from missions.forms import AnswerForm, CloseForm, FilterForm, MissionForm
from missions.models import Mission


def _mission(request, pk) -> Mission:
    mission = object_or_404(selectors.readable(user=request.user), pk)
    return mission


def mission_list(request):
    has_commune = bool(
        getattr(getattr(request.user, "profile", None), "commune_id", None)
    )
    form = FilterForm(
        request.GET or None,
        skills=selectors.skill_choices(),
        has_commune=has_commune,
    )
    page_obj = Paginator(
        selectors.open_missions(user=request.user, filters=form.filters()),
        selectors.PER_PAGE,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "missions/mission_list.html",
        {
            "form": form,
            "page_obj": page_obj,
            "filtered": bool(request.GET.keys() - {"page"}),
            "tab": "open",
        },
    )


def mission_mine(request):
    page_obj = Paginator(
        selectors.missions_by(user=request.user), selectors.PER_PAGE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "missions/mission_mine.html",
        {"page_obj": page_obj, "tab": "mine"},
    )


def mission_answered(request):
    page_obj = Paginator(
        selectors.missions_answered_by(user=request.user), selectors.PER_PAGE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "missions/mission_answered.html",
        {"page_obj": page_obj, "tab": "answered"},
    )


def mission_create(request):
    form = MissionForm(request.POST or None)
    if form.is_valid():
        try:
            mission = services.mission_create(author=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Your mission is posted: the members who fit it will be told."),
            )
            return redirect(mission)
    return render(
        request,
        "missions/mission_form.html",
        {"form": form, "skill_suggestions": member_selectors.skill_names()},
    )


def mission_edit(request, pk):
    """The author changes their open mission (the same form as to post it)."""
    mission = _mission(request, pk)
    if mission.author_id != request.user.pk:
        raise Http404
    initial = {
        "title": mission.title,
        "kind": mission.kind,
        "description": mission.description,
        "skills": ", ".join(skill.name for skill in mission.skills.all()),
        "commune": mission.commune_id,
        "starts_on": mission.starts_on,
        "duration": mission.duration,
        "budget": mission.budget,
        "closes_on": mission.closes_on,
    }
    form = MissionForm(request.POST or None, initial=initial)
    if form.is_valid():
        try:
            services.mission_update(
                user=request.user, mission=mission, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your mission is changed."))
            return redirect(mission)
    return render(
        request,
        "missions/mission_form.html",
        {
            "form": form,
            "mission": mission,
            "skill_suggestions": member_selectors.skill_names(),
        },
    )


def mission_detail(request, pk):
    mission = selectors.mission_for_page(pk=pk, user=request.user)
    if mission is None:
        raise Http404
    is_author = mission.author_id == request.user.pk
    context = {
        "mission": mission,
        "is_author": is_author,
        "is_open": mission.is_open(),
        "matches": selectors.matches_for(mission=mission, viewer=request.user)
        if mission.is_open()
        else [],
        "moderator": rights.can_moderate(user=request.user),
    }
    if is_author:
        context["answers"] = list(selectors.answers_to(mission=mission))
        # The members who fit and have answered already: said beside their name.
        context["answered"] = {answer.member_id for answer in context["answers"]}
    else:
        context["my_answer"] = selectors.answer_of(mission=mission, user=request.user)
        context["answer_form"] = AnswerForm()
    return render(request, "missions/mission_detail.html", context)


@require_POST
def answer_create(request, pk):
    mission = _mission(request, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        errors.tell(request, form)
        return redirect(mission)
    try:
        services.answer_create(
            member=request.user, mission=mission, message=form.cleaned_data["message"]
        )
    except ValidationError as error:
        errors.tell(request, error)
    else:
        messages.success(request, _("Your answer was sent to the author."))
    return redirect(mission)


@require_POST
def answer_withdraw(request, pk):
    mission = _mission(request, pk)
    try:
        services.answer_withdraw(member=request.user, mission=mission)
    except ValidationError as error:
        errors.tell(request, error)
    else:
        messages.success(request, _("Your answer was withdrawn."))
    return redirect(mission)


@require_POST
def mission_close(request, pk):
    mission = _mission(request, pk)
    form = CloseForm(request.POST)
    if not form.is_valid():
        errors.tell(request, form)
        return redirect(mission)
    try:
        services.mission_close(
            user=request.user, mission=mission, status=form.cleaned_data["status"]
        )
    except ValidationError as error:
        errors.tell(request, error)
    else:
        messages.success(request, _("The mission is closed."))
    return redirect(mission)


@require_POST
def conversation_open(request, pk):
    mission = _mission(request, pk)
    ids = [
        int(v) for v in request.POST.getlist("member") if v.isdigit() and len(v) < 19
    ]
    try:
        room = services.conversation_open(
            user=request.user, mission=mission, members=ids
        )
    except ValidationError as error:
        errors.tell(request, error)
        return redirect(mission.get_absolute_url() + "#answers")
    return redirect(room)


@require_POST
def mission_hide(request, pk):
    mission = _mission(request, pk)
    hidden = request.POST.get("hidden") == "1"
    services.mission_hide(mission=mission, by=request.user, hidden=hidden)
    if hidden:
        messages.success(request, _("The mission is hidden."))
    else:
        messages.success(request, _("The mission is shown again."))
    return redirect(mission)
