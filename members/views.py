from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from committees import rights
from committees import selectors as committee_selectors
from committees import services as committee_services
from committees.models import CommitteeMembership, CommitteePage, JoinRequest
from communes.maps import MapPoint
from intranet import errors
from intranet.http import next_url, object_or_404
from intranet.links import reverse
from intranet.markdown import render_markdown
from intranet.text import search_terms
from members import directory as member_directory
from members import personal_data, selectors, services
from members.forms import (
    AccountDeleteForm,
    AddMemberForm,
    DirectoryForm,
    EmailChangeForm,
    InvitationAcceptForm,
    InvitationForm,
    JoinRequestForm,
    LanguageForm,
    MembershipForm,
    ProfileForm,
    offer_need_formsets,
)
from members.models import Invitation, OfferNeed, User
from members.personal_data import erase, export_zip


@login_not_required
def invitation_accept(request, token):
    invitation = selectors.invitation_for_token(token=token)
    if invitation is None or invitation.status != Invitation.Status.PENDING:
        status = invitation.status if invitation else "unknown"
        return render(
            request,
            "members/invitation_invalid.html",
            {"status": status},
            status=404 if invitation is None else 410,
        )
    if request.user.is_authenticated:
        return render(
            request, "members/invitation_logged_in.html", {"invitation": invitation}
        )
    form = InvitationAcceptForm(request.POST or None, email=invitation.email)
    if form.is_valid():
        try:
            user = services.invitation_accept(
                token=token,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome to Sohosolo, %(name)s!") % {"name": user.first_name},
            )
            return redirect("/")
    return render(
        request,
        "members/invitation_accept.html",
        {"form": form, "invitation": invitation},
    )


def invitation_list(request):
    user = request.user
    committees = selectors.committees_user_can_invite_to(user=user)
    if not user.has_perm("members.add_invitation") and not committees.exists():
        raise PermissionDenied
    form = InvitationForm(request.POST or None, user=user)
    if form.is_valid():
        try:
            invitation, _token = services.invitation_create(
                inviter=user,
                email=form.cleaned_data["email"],
                committee=form.cleaned_data["committee"],
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request,
                _("The invitation was sent to %(email)s.")
                % {"email": invitation.email},
            )
            return redirect("members:invitation_list")
    return render(
        request,
        "members/invitation_list.html",
        {"form": form, "invitations": selectors.invitations_sent_by(user=user)},
    )


def directory(request):
    """Find members by name, skill, committee or commune; live with htmx."""
    communes = member_directory.members_per_commune(viewer=request.user)
    form = DirectoryForm(
        request.GET or None,
        committees=committee_selectors.committee_choices(),
        communes=sorted(communes, key=lambda item: item[0].name),
        skills=member_directory.skill_choices(),
    )
    filters = form.filters()
    profiles = member_directory.search(viewer=request.user, filters=filters)
    page_obj = member_directory.page(profiles, filters, request.GET.get("page"))
    page_obj.object_list = member_directory.hide_private_communes(
        list(page_obj.object_list), request.user
    )
    # The map and its list count the members the filters found.
    filtered = member_directory.is_filtered(filters)
    if filtered:
        communes = member_directory.members_per_commune_among(
            profiles=profiles, viewer=request.user, communes=communes
        )
    context = {
        "form": form,
        "page_obj": page_obj,
        "map_points": [
            MapPoint(commune, commune.name, count=count) for commune, count in communes
        ],
        "communes": communes,
        "filtered": filtered,
    }
    template = (
        "members/includes/directory_results.html"
        if request.htmx and not request.htmx.boosted
        else "members/directory.html"
    )
    return render(request, template, context)


@require_POST
def member_follow(request, pk):
    """Follow or stop following a member; repeating either is harmless."""
    other = get_object_or_404(User, pk=pk, is_active=True)
    try:
        if request.POST.get("action") == "unfollow":
            services.member_unfollow(user=request.user, other=other)
            messages.success(
                request, _("You no longer follow %(name)s.") % {"name": other}
            )
        else:
            services.member_follow(user=request.user, other=other)
            messages.success(request, _("You now follow %(name)s.") % {"name": other})
    except ValidationError as error:
        errors.tell(request, error)
    # From the dashboard's suggestions, back to the dashboard.
    return redirect(
        next_url(request, reverse("members:profile_detail", args=[other.pk]))
    )


@require_POST
def first_steps_dismiss(request):
    services.first_steps_dismiss(user=request.user)
    messages.success(
        request,
        _("The first steps are put away. Your profile is at « My profile »."),
    )
    return redirect("/")


def follow_list(request, pk, direction):
    member = get_object_or_404(User, pk=pk, is_active=True)
    people = (
        selectors.followers_of(obj=member)
        if direction == "followers"
        else selectors.members_followed_by(user=member)
    )
    page_obj = Paginator(people, 48).get_page(request.GET.get("page"))
    return render(
        request,
        "members/follow_list.html",
        {"member": member, "page_obj": page_obj, "direction": direction},
    )


def _committee(pk):
    return get_object_or_404(CommitteePage.objects.live(), pk=pk)


def committee_manage(request, pk):
    """A référent's page: the committee's members, roles and requests to join."""
    committee = _committee(pk)
    if not rights.can_manage_committee(user=request.user, committee=committee):
        raise PermissionDenied
    add_form = AddMemberForm(
        request.POST if "add" in request.POST else None, committee=committee
    )
    query = search_terms(request.POST.get("q") or request.GET.get("q"), max_length=60)
    picker = {
        "query": query,
        "candidates": selectors.members_to_add(committee=committee, text=query),
        "shown": selectors.CANDIDATES_SHOWN,
    }
    if request.method == "GET" and request.htmx:
        return render(
            request,
            "members/includes/committee_candidates.html",
            {"committee": committee, "add_form": add_form, **picker},
        )
    if request.method == "POST":
        try:
            _committee_action(request, committee, add_form)
        except ValidationError as error:
            errors.tell(request, error)
        else:
            if "add" not in request.POST or add_form.is_valid():
                messages.success(request, _("The committee was updated."))
                return redirect("members:committee_manage", pk=committee.pk)
    return render(
        request,
        "members/committee_manage.html",
        {
            "committee": committee,
            "memberships": committee_selectors.committee_members(committee=committee),
            "requests": committee_selectors.pending_join_requests(committee=committee),
            "add_form": add_form,
            "roles": CommitteeMembership.Role.choices,
            **picker,
        },
        status=400 if add_form.errors else 200,
    )


def _committee_action(request, committee, add_form):
    """One POST of the management page: add, change, remove, or answer a request."""
    post = request.POST
    if "add" in post:
        if add_form.is_valid():
            committee_services.membership_add(
                by=request.user,
                committee=committee,
                user=add_form.cleaned_data["user"],
                role=add_form.cleaned_data["role"],
                is_editor=add_form.cleaned_data["is_editor"],
            )
        return
    if "request" in post:
        join = object_or_404(JoinRequest, post["request"], committee=committee)
        committee_services.join_request_decide(
            by=request.user, request=join, accept=post.get("answer") == "accept"
        )
        return
    membership = object_or_404(
        CommitteeMembership, post.get("membership"), committee=committee
    )
    if "remove" in post:
        committee_services.membership_remove(by=request.user, membership=membership)
        return
    form = MembershipForm(post)
    if not form.is_valid():
        raise ValidationError(_("Choose a valid role."))
    committee_services.membership_update(
        by=request.user,
        membership=membership,
        role=form.cleaned_data["role"],
        is_editor=form.cleaned_data["is_editor"],
    )


@require_POST
def committee_join(request, pk):
    committee = _committee(pk)
    form = JoinRequestForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["message"])
        committee_services.join_request_create(
            user=request.user, committee=committee, message=form.cleaned_data["message"]
        )
    except ValidationError as error:
        errors.tell(request, error)
    else:
        messages.success(
            request, _("Your request was sent to the committee's référents.")
        )
    return redirect(committee.url)


def profile_detail(request, pk):
    profile = selectors.profile_for_page(pk=pk, viewer=request.user)
    if profile is None:
        raise Http404
    return render(
        request,
        "members/profile_detail.html",
        {
            "profile": profile,
            "member": profile.user,
            "visible": selectors.visible_contact_fields(
                profile=profile, viewer=request.user
            ),
            "memberships": committee_selectors.memberships_of(user=profile.user),
            "bio": render_markdown(profile.bio),
            "is_me": profile.user_id == request.user.pk,
        },
    )


def profile_edit(request):
    profile = selectors.profile_for_page(pk=request.user.pk)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    lines = offer_need_formsets(request.POST or None, profile)
    if form.is_valid() and all(
        formset.is_valid() for formset in lines.values() if formset.is_bound
    ):
        fields = {name: form.cleaned_data[name] for name in ProfileForm.Meta.fields}
        try:
            services.profile_update(
                user=request.user,
                fields=fields,
                skills=form.cleaned_data["skills"],
                photo=form.cleaned_data["new_photo"],
                remove_photo=form.cleaned_data["remove_photo"],
                offers_needs={
                    kind: formset.entries()
                    for kind, formset in lines.items()
                    if formset.is_bound
                },
            )
        except ValidationError as error:
            if error.code in {"too_big", "invalid", "format", "too_many_pixels"}:
                form.add_error("new_photo", error)
            else:
                form.add_error(None, error)
        else:
            messages.success(request, _("Your profile was saved."))
            return redirect("members:profile_detail", pk=request.user.pk)
    return render(
        request,
        "members/profile_form.html",
        {
            "form": form,
            "profile": profile,
            "offers": lines[OfferNeed.Kind.OFFER],
            "needs": lines[OfferNeed.Kind.NEED],
            "skill_suggestions": selectors.skill_names(),
        },
    )


def account(request):
    """The member's account: their private feed addresses and account links."""
    token = selectors.feed_token_of(user=request.user)
    committees = [
        m.committee for m in committee_selectors.memberships_of(user=request.user)
    ]
    return render(
        request,
        "members/account.html",
        {"token": token, "committees": committees},
    )


def email_change(request):
    form = EmailChangeForm(request.POST or None)
    if form.is_valid():
        try:
            services.email_change_request(
                user=request.user,
                password=form.cleaned_data["password"],
                new_email=form.cleaned_data["new_email"],
            )
        except ValidationError as error:
            field = "password" if error.code == "password" else "new_email"
            form.add_error(field, error)
        else:
            messages.success(
                request,
                _(
                    "We sent a link to %(email)s: open it to confirm the change. "
                    "Until then, your address stays the same."
                )
                % {"email": form.cleaned_data["new_email"]},
            )
            return redirect("members:account")
    return render(request, "members/email_change.html", {"form": form})


def email_change_confirm(request, token):
    try:
        email = services.email_change_confirm(user=request.user, token=token)
    except ValidationError as error:
        errors.tell(request, error)
    else:
        messages.success(
            request, _("Your e-mail address is now %(email)s.") % {"email": email}
        )
    return redirect("members:account")


def data_download(request):
    """The member's own data as a ZIP: nobody can download someone else's."""
    from django.http import HttpResponse

    response = HttpResponse(export_zip(request.user), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="mes-donnees-sohosolo.zip"'
    response["Cache-Control"] = "no-store"
    return response


def account_delete(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if form.is_valid():
        from django.contrib.auth import logout

        erase(request.user)
        logout(request)
        messages.success(
            request,
            _("Your account was deleted and your personal data erased. Goodbye!"),
        )
        return redirect("account_login")
    return render(request, "members/account_delete.html", {"form": form})


@login_not_required
def privacy(request):
    return render(request, "members/privacy.html", {"kept": personal_data.KEPT})


@require_POST
def feed_token_renew(request):
    services.feed_token_renew(user=request.user)
    messages.success(
        request,
        _("Your feed addresses were renewed: the old ones no longer work."),
    )
    return redirect("members:account")


@require_POST
def invitation_revoke(request, pk):
    invitation = get_object_or_404(Invitation, pk=pk)
    try:
        services.invitation_revoke(invitation=invitation, by=request.user)
    except ValidationError as error:
        errors.tell(request, error)
    else:
        messages.success(
            request,
            _("The invitation to %(email)s was revoked.") % {"email": invitation.email},
        )
    return redirect("members:invitation_list")


@login_not_required
@require_POST
def language_set(request):
    """Switch the interface language and remember it for the member."""
    form = LanguageForm(request.POST)
    response = HttpResponseRedirect(next_url(request, "/"))
    if form.is_valid():
        language = form.cleaned_data["language"]
        if request.user.is_authenticated:
            services.language_set(user=request.user, language=language)
        translation.activate(language)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.HTTPS,
        )
    return response


def mention_suggestions(request):
    """Members whose name starts like `q`, for the @mention autocomplete (JSON)."""
    return JsonResponse(
        {
            "members": [
                {"id": user.pk, "name": str(user)}
                for user in selectors.members_named_like(text=request.GET.get("q", ""))
            ]
        }
    )
