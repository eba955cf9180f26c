import csv

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chat import selectors as chat_selectors
from committees.models import CommitteePage
from committees.selectors import live_committees
from intranet import errors
from intranet.ratelimit import Rate, spend
from welcome import charts, forms, links, selectors, services, stats
from welcome.models import CLOSED, PIPELINE, ChecklistItem, Stage

# Spam and mistakes: (how many, per how many seconds), per address.
FORM_POSTS_PER_IP = Rate(30, 3600)
PROJECTS_PER_IP = Rate(5, 24 * 3600)
PROJECTS_PER_EMAIL = Rate(2, 24 * 3600)
LINKS_PER_IP = Rate(10, 3600)
LINKS_PER_EMAIL = Rate(3, 24 * 3600)


def _ip(request) -> str:
    return get_adapter().get_client_ip(request) or "unknown"


def _too_many(request, template: str, context: dict):
    context["too_many"] = True
    return render(request, template, context, status=429)


# The family's side (public)


@login_not_required
def apply(request):
    """« Venir vivre et travailler dans le Gers »: the installation project form."""
    form = forms.ProjectForm(request.POST or None)
    adults = forms.AdultFormSet(request.POST or None, prefix="adults")
    children = forms.ChildFormSet(request.POST or None, prefix="children")
    context = {
        "form": form,
        "adults": adults,
        "children": children,
        "retention_days": settings.WELCOME_RETENTION_DAYS,
    }
    if request.method != "POST":
        return render(request, "welcome/apply.html", context)
    ip = _ip(request)
    if not spend(f"welcome:posts:{ip}", FORM_POSTS_PER_IP):
        return _too_many(request, "welcome/apply.html", context)
    if form.is_spam:
        # Robots are thanked like people, and nothing is kept.
        return redirect("welcome:thanks")
    valid = form.is_valid() & adults.is_valid() & children.is_valid()
    if not valid:
        return render(request, "welcome/apply.html", context, status=400)
    email = form.cleaned_data["email"].lower()
    if not (
        spend(f"welcome:projects:{ip}", PROJECTS_PER_IP)
        and spend(f"welcome:projects:{email}", PROJECTS_PER_EMAIL)
    ):
        return _too_many(request, "welcome/apply.html", context)
    data = form.cleaned_data
    try:
        services.project_submit(
            adults=[a for a in adults.cleaned_data if a],
            children=[c for c in children.cleaned_data if c],
            email=email,
            phone=data["phone"],
            current_location=data["current_location"],
            committees=data["committees"],
            communes=data["communes"],
            timeline=data["timeline"],
            tenure=data["tenure"],
            housing_type=data["housing_type"],
            broadband=data["broadband"],
            questions=data["questions"],
            language=translation.get_language(),
        )
    except ValidationError as error:
        form.add_error(None, error)
        return render(request, "welcome/apply.html", context, status=400)
    return redirect("welcome:thanks")


@login_not_required
def thanks(request):
    return render(request, "welcome/thanks.html")


@login_not_required
def link(request, token):
    checked = links.check(token)
    if checked.status == links.VALID:
        links.remember(request, checked.project)
        # The family reads its page in the language it wrote its project in
        # (the link may open in another browser than the form's), until it
        # picks another with the switch.
        response = redirect("welcome:my_project")
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            checked.project.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.HTTPS,
        )
        return response
    status = 410 if checked.status == links.EXPIRED else 404
    return render(
        request,
        "welcome/link_invalid.html",
        {"status": checked.status, "form": forms.LinkRequestForm()},
        status=status,
    )


@login_not_required
def link_request(request):
    form = forms.LinkRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        if not (
            spend(f"welcome:links:{_ip(request)}", LINKS_PER_IP)
            and spend(f"welcome:links:{email}", LINKS_PER_EMAIL)
        ):
            return _too_many(request, "welcome/link_request.html", {"form": form})
        services.link_resend(email=email)
        return render(request, "welcome/link_request.html", {"sent": email})
    return render(request, "welcome/link_request.html", {"form": form})


def _family_project(request):
    project = links.project_of(request)
    if project is None:
        messages.info(
            request,
            _("Open the link of your last e-mail, or ask for a new one below."),
        )
    return project


@login_not_required
def my_project(request):
    project = _family_project(request)
    if project is None:
        return redirect("welcome:link_request")
    if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
        # A session remembered without the link's cookie: the project's language.
        translation.activate(project.language)
        request.LANGUAGE_CODE = project.language
    form = forms.MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.prospect_message_post(
                project=project, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form.add_error("body", error)
        else:
            messages.success(request, _("Your message is sent."))
            return redirect(f"{request.path}#conversation")
    conversation = (
        chat_selectors.messages_before(
            room=project.conversation, before=None, limit=100
        )
        if project.conversation
        else []
    )
    return render(
        request,
        "welcome/my_project.html",
        {
            "project": selectors.attach_adults(projects=[project])[0],
            "steps": selectors.steps_of(project=project),
            "checklist": selectors.checklist_of(project=project),
            "conversation": conversation,
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@login_not_required
def withdraw(request):
    project = _family_project(request)
    if project is None:
        return redirect("welcome:link_request")
    if request.method == "POST":
        services.project_withdraw(project=project)
        links.forget(request)
        return render(request, "welcome/withdrawn.html")
    return render(request, "welcome/withdraw.html", {"project": project})


# The programme team's and the committees' side


def index(request):
    if not selectors.has_projects(request=request):
        raise PermissionDenied
    team = selectors.is_team(user=request.user)
    year = _year(request)
    committee = None
    if team and request.GET.get("comite", "").isdigit():
        committee = CommitteePage.objects.filter(pk=request.GET["comite"]).first()
    mine = request.GET.get("miens") == "1"
    stage_only = request.GET.get("etape")
    if stage_only not in Stage.values:
        stage_only = None
    columns = selectors.board(
        user=request.user,
        year=year,
        committee=committee,
        mine=mine,
        stage=stage_only,
        per_stage=500 if stage_only else 12,
    )
    query = request.GET.copy()
    query.pop("etape", None)
    return render(
        request,
        "welcome/index.html",
        {
            "team": team,
            "columns": columns,
            "count": sum(count for *_rest, count in columns),
            "year": year,
            "years": selectors.years(),
            "committee": committee,
            "committees": live_committees() if team else [],
            "mine": mine,
            "stage_only": stage_only,
            "query": query.urlencode(),
            "overdue": list(selectors.overdue_items(user=request.user)[:20]),
        },
    )


def _year(request) -> int | None:
    value = request.GET.get("annee", "")
    return int(value) if value.isdigit() and 2000 < int(value) < 2100 else None


def _project(request, pk):
    project = selectors.project_for(user=request.user, pk=pk)
    if project is None:
        raise Http404
    return project


def project(request, pk):
    project = _project(request, pk)
    role = selectors.role_on(user=request.user, project=project)
    checklist = selectors.checklist_of(project=project)
    moves = services.allowed_moves(user=request.user, project=project)
    people = list(selectors.owner_choices(project=project)) if checklist else []
    context = {
        "project": project,
        "role": role,
        "team": role == selectors.TEAM,
        "steps": selectors.steps_of(project=project),
        "history": selectors.history_of(project=project),
        "moves": [(stage, Stage(stage).label) for stage in moves],
        "can_close": any(stage in CLOSED for stage in moves),
        "checklist": [
            (
                item,
                forms.ChecklistItemForm(
                    instance=item, prefix=f"item{item.pk}", people=people
                ),
            )
            for item in checklist
        ],
        "route_form": forms.RouteForm(initial={"committee": project.committee_id}),
        "sponsor_form": forms.SponsorForm(
            project=project, initial={"sponsor": project.sponsor_id}
        ),
        "note_form": forms.NoteForm(),
        "notes": project.notes.select_related("author")
        if role == selectors.TEAM
        else [],
        "in_conversation": project.conversation_id is not None
        and chat_selectors.can_read(user=request.user, room=project.conversation),
        "can_invite": role in (selectors.TEAM, selectors.REFERENT)
        and project.stage in ("installed", "integrated"),
    }
    return render(request, "welcome/project.html", context)


def _act(request, pk, action):
    """Run `action(project)` from a form of the project page; its validation
    errors come back as messages on the page."""
    project = _project(request, pk)
    try:
        with transaction.atomic():
            done = action(project)
    except ValidationError as error:
        errors.tell(request, error)
    else:
        if done:
            messages.success(request, done)
    return redirect(project)


def _valid(form) -> dict:
    """A form's cleaned data; its errors, each named by its field, otherwise."""
    if form.is_valid():
        return form.cleaned_data
    raise ValidationError(errors.form_errors(form))


@require_POST
def move(request, pk):
    def action(project):
        data = _valid(forms.MoveForm(request.POST))
        services.project_move(
            project=project,
            by=request.user,
            to=data["to"],
            reason=data["reason"],
            expected=data["expected"],
        )
        return _("The project is now « %(stage)s ».") % {
            "stage": Stage(data["to"]).label
        }

    return _act(request, pk, action)


@require_POST
def route(request, pk):
    def action(project):
        committee = _valid(forms.RouteForm(request.POST))["committee"]
        services.project_route(project=project, by=request.user, committee=committee)
        return _(
            "The project is routed to the %(committee)s; its référents are told."
        ) % {"committee": committee.title}

    return _act(request, pk, action)


@require_POST
def sponsor(request, pk):
    def action(project):
        chosen = _valid(forms.SponsorForm(request.POST, project=project))["sponsor"]
        services.project_sponsor_set(project=project, by=request.user, sponsor=chosen)
        return _("%(name)s sponsors the family and is told.") % {"name": chosen}

    return _act(request, pk, action)


@require_POST
def join(request, pk):
    project = _project(request, pk)
    services.conversation_join(project=project, by=request.user)
    return redirect("chat:room", pk=project.conversation_id)


@require_POST
def note(request, pk):
    def action(project):
        body = _valid(forms.NoteForm(request.POST))["body"]
        services.note_add(project=project, by=request.user, body=body)
        return _("Note saved.")

    return _act(request, pk, action)


@require_POST
def invite(request, pk):
    def action(project):
        invited, skipped = services.family_invite(project=project, by=request.user)
        for person in skipped:
            messages.warning(
                request,
                _(
                    "%(name)s is not invited: no address, already invited "
                    "or already a member."
                )
                % {"name": person},
            )
        if not invited:
            return ""
        return _("Invited: %(names)s. The committee is told.") % {
            "names": ", ".join(str(p) for p in invited)
        }

    return _act(request, pk, action)


@require_POST
def item(request, pk):
    found = get_object_or_404(ChecklistItem.objects.select_related("project"), pk=pk)

    def action(project):
        form = forms.ChecklistItemForm(
            request.POST,
            instance=found,
            prefix=f"item{found.pk}",
            people=selectors.owner_choices(project=found.project),
        )
        data = _valid(form)
        services.checklist_item_update(
            item=found,
            by=request.user,
            status=data["status"],
            owner=data["owner"],
            due_on=data["due_on"],
            notes=data["notes"],
        )
        return _("« %(step)s » is updated.") % {"step": found.title}

    return _act(request, found.project_id, action)


def dashboard(request):
    if not selectors.is_team(user=request.user):
        raise PermissionDenied
    year = _year(request)
    figures = stats.figures(year)
    funnel = figures.total
    stages = [(Stage(stage).label, funnel.reached[stage]) for stage in PIPELINE]
    per_year = [(str(y), n) for y, n in figures.installed_per_year.items()]
    return render(
        request,
        "welcome/dashboard.html",
        {
            "year": year,
            "years": figures.years,
            "figures": figures,
            "funnel": funnel,
            "funnel_chart": charts.horizontal(stages),
            "stages": stages,
            "years_chart": charts.vertical(per_year),
            "per_year": per_year,
            "by_year": [
                (y, [f.reached[stage] for stage in PIPELINE], f)
                for y, f in figures.by_year.items()
            ],
            "pipeline_labels": [Stage(stage).label for stage in PIPELINE],
            "transitions": [
                (
                    Stage(a).label,
                    Stage(b).label,
                    share,
                    None if days is None else round(days),
                    count,
                )
                for (a, b, share), (_a, _b, days, count) in zip(
                    figures.conversions, figures.median_days, strict=True
                )
            ],
            "committees": stats.per_committee(year),
            "sponsors": stats.per_sponsor(year),
        },
    )


def dashboard_csv(request, table):
    if not selectors.is_team(user=request.user):
        raise PermissionDenied
    year = _year(request)
    rows = stats.table(table, year)
    if rows is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="sohosolo-{table}-{year or "all"}.csv"'
    )
    response.write("\ufeff")  # spreadsheets read the accents right
    csv.writer(response).writerows(rows)
    return response
