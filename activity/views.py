import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from activity import (
    digests,
    emails,
    feed,
    mentions,
    notifications,
    push,
    reactions,
    selectors,
    services,
)
from activity.forms import (
    CommentForm,
    CommitteeFeedForm,
    PostEditForm,
    PostForm,
    ReportForm,
)
from activity.models import Comment, DigestFrequency, FeedPost, Notification
from committees.models import CommitteePage
from intranet import membertext
from intranet.http import next_url
from intranet.shell import reports
from intranet.shell.notices import KINDS, Channel
from intranet.text import elide

NOTIFICATION_EXCERPT = 160  # characters of what was said, under a notification


def notification_list(request):
    page_obj = Paginator(
        Notification.objects.filter(recipient=request.user).select_related("actor"), 30
    ).get_page(request.GET.get("page"))
    names = membertext.names_for(n.excerpt for n in page_obj)
    for notification in page_obj:
        notification.quote = membertext.excerpt_html(
            notification.excerpt, names, NOTIFICATION_EXCERPT
        )
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
        request,
        ngettext(
            "%(count)s notification marked as read.",
            "%(count)s notifications marked as read.",
            count,
        )
        % {"count": count},
    )
    return redirect("activity:list")


def preferences(request):
    if request.method == "POST":
        for kind, _current in notifications.preferences_of(request.user):
            channel = request.POST.get(kind.key)
            if channel in dict(notifications.channels()):
                notifications.preference_set(
                    user=request.user, kind=kind.key, channel=channel
                )
        if request.POST.get("frequency") in DigestFrequency.values:
            digests.frequency_set(
                user=request.user, frequency=request.POST["frequency"]
            )
        messages.success(request, _("Your notification choices were saved."))
        return redirect("activity:preferences")
    return render(
        request,
        "activity/preferences.html",
        {
            "rows": notifications.preferences_of(request.user),
            "channels": notifications.channels(),
            "frequency": digests.frequency_of(request.user),
            "frequencies": DigestFrequency.choices,
            "push_key": settings.VAPID_PUBLIC_KEY if push.enabled() else "",
            "devices": push.devices_of(request.user),
        },
    )


@require_POST
def push_subscribe(request):
    """Turn push on for this device: the browser's `PushSubscription` as JSON."""
    try:
        data = json.loads(request.body or b"null")
    except ValueError:
        data = None
    try:
        push.subscribe(
            user=request.user,
            data=data,
            user_agent=request.headers.get("User-Agent", ""),
        )
    except ValidationError as error:
        return JsonResponse({"errors": error.messages}, status=400)
    return JsonResponse({"ok": True}, status=201)


@require_POST
def push_unsubscribe(request):
    """Turn push off: for this device (JSON `endpoint`, from its script), or for
    one in the list (form field `device`)."""
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"null")
        except ValueError:
            data = None
        endpoint = data.get("endpoint") if isinstance(data, dict) else None
        if not isinstance(endpoint, str):
            return JsonResponse(
                {"errors": [_("This subscription is not valid.")]}, status=400
            )
        push.unsubscribe(user=request.user, endpoint=endpoint)
        return JsonResponse({"ok": True})
    device = request.POST.get("device", "")
    if device.isdigit() and push.unsubscribe(user=request.user, pk=int(device)):
        messages.success(request, _("Push notifications are off for that device."))
    return redirect("activity:preferences")


@login_not_required
@csrf_exempt  # the signed token is the credential; mail clients POST it (RFC 8058)
def unsubscribe(request, token):
    """Stop one kind of e-mail (or the digest) from a link, without logging in."""
    try:
        user_id, kind = emails.read_unsubscribe_token(token)
    except signing.SignatureExpired:
        return _unsubscribe_page(request, error=_("This link is too old."), status=410)
    except signing.BadSignature:
        return _unsubscribe_page(
            request, error=_("This link is not valid."), status=400
        )
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or (kind != emails.DIGEST and kind not in KINDS):
        return _unsubscribe_page(
            request, error=_("This link is not valid."), status=400
        )
    label = _("the e-mail digest") if kind == emails.DIGEST else KINDS[kind].label
    if request.method == "POST":
        if kind == emails.DIGEST:
            digests.stop(user=user)
        else:
            notifications.preference_set(user=user, kind=kind, channel=Channel.SITE)
        return _unsubscribe_page(request, label=label, done=True)
    return _unsubscribe_page(request, label=label)


def _unsubscribe_page(request, status=200, **context):
    return render(request, "activity/unsubscribe.html", context, status=status)


# --- Feeds -------------------------------------------------------------------------


def _feed_page(request, *, where, title, template_context, composer=None):
    """A feed page; to an htmx "see more", only the next entries."""
    page = feed.read(request.user, where, cursor=request.GET.get("avant"))
    context = {"feed_page": page, "more_url": request.path, **template_context}
    if request.htmx:
        return render(request, "activity/includes/entries.html", context)
    context.update(title=title, composer=composer, older=bool(request.GET.get("avant")))
    return render(request, "activity/feed.html", context)


def my_feed(request):
    return _feed_page(
        request,
        where=feed.my_feed(request.user),
        title=_("My feed"),
        template_context={"tab": "mine"},
        composer=PostForm(
            user=request.user,
            memberships=selectors.viewer_memberships(viewer=request.user),
        ),
    )


def network_feed(request):
    return _feed_page(
        request,
        where=feed.network_feed(request.user),
        title=_("What's new in the network"),
        template_context={"tab": "network"},
        composer=PostForm(
            user=request.user,
            memberships=selectors.viewer_memberships(viewer=request.user),
        ),
    )


def committee_feed(request, pk):
    committee = get_object_or_404(CommitteePage.objects.live(), pk=pk)
    return _feed_page(
        request,
        where=feed.committee_feed(committee),
        title=_("Activity of the %(committee)s") % {"committee": committee.title},
        template_context={"committee": committee},
        composer=PostForm(
            user=request.user,
            committee=committee,
            memberships=selectors.viewer_memberships(viewer=request.user),
        ),
    )


def member_feed(request, pk):
    member = get_object_or_404(get_user_model(), pk=pk, is_active=True)
    return _feed_page(
        request,
        where=feed.member_feed(member),
        title=elide(_("Recent activity of %(name)s") % {"name": member}),
        template_context={"member": member},
    )


# --- Posts, comments, reactions ----------------------------------------------------


def _back(request, default: str) -> str:
    return next_url(request, default)


def _readable_post(request, pk) -> FeedPost:
    post = selectors.post_for(viewer=request.user, pk=pk)
    if post is None:
        raise Http404
    return post


@require_POST
def post_create(request):
    form = PostForm(request.POST, request.FILES, user=request.user)
    if form.is_valid():
        try:
            post = services.post_create(
                author=request.user,
                body=form.cleaned_data["body"],
                committee=form.cleaned_data["audience"],
                image=form.cleaned_data["image"],
                image_alt=form.cleaned_data["image_alt"],
            )
        except ValidationError as error:
            form.add_error("image" if error.code in IMAGE_ERRORS else None, error)
        else:
            messages.success(request, _("Your post is published."))
            # The browser focuses the new post (tabindex="-1") for who typed it.
            back = _back(request, post.get_absolute_url()).split("#")[0]
            return redirect(f"{back}#publication-{post.pk}")
    return render(
        request,
        "activity/post_form.html",
        {"form": form, "next": _back(request, ""), "creating": True},
        status=400,
    )


IMAGE_ERRORS = {"too_big", "invalid", "format", "too_many_pixels", "image_alt"}


def post_detail(request, pk):
    return _post_page(request, _readable_post(request, pk), CommentForm())


def _post_page(request, post, comment_form, status=200):
    selectors.prepare_posts(viewer=request.user, posts=[post])
    return render(
        request,
        "activity/post_detail.html",
        {
            "post": post,
            "comments": selectors.comments_for(viewer=request.user, post=post),
            "reactors": selectors.reactors(post=post),
            "comment_form": comment_form,
        },
        status=status,
    )


def post_edit(request, pk):
    post = _readable_post(request, pk)
    if post.author_id != request.user.pk:
        raise PermissionDenied
    users = mentions.names_for([post.body])
    form = PostEditForm(
        request.POST or None,
        request.FILES or None,
        initial={
            "body": mentions.decode(post.body, users),
            "image_alt": post.image_alt,
        },
    )
    if form.is_valid():
        try:
            services.post_update(
                post=post,
                by=request.user,
                body=form.cleaned_data["body"],
                image=form.cleaned_data["image"],
                image_alt=form.cleaned_data["image_alt"],
                remove_image=form.cleaned_data["remove_image"],
            )
        except ValidationError as error:
            form.add_error("image" if error.code in IMAGE_ERRORS else None, error)
        else:
            messages.success(request, _("Your post was updated."))
            return redirect(post)
    return render(request, "activity/post_form.html", {"form": form, "post": post})


def post_delete(request, pk):
    post = _readable_post(request, pk)
    if post.author_id != request.user.pk:
        raise PermissionDenied
    if request.method == "POST":
        services.post_delete(post=post, by=request.user)
        messages.success(request, _("Your post was deleted."))
        return redirect("activity:mine")
    return render(request, "activity/confirm_delete.html", {"object": post})


@require_POST
def post_hide(request, pk):
    post = _readable_post(request, pk)
    hidden = request.POST.get("hidden") != "0"
    services.post_hide(post=post, by=request.user, hidden=hidden)
    messages.success(
        request,
        _("The post is hidden from members.")
        if hidden
        else _("The post is shown again."),
    )
    return redirect(post)


@require_POST
def comment_create(request, pk):
    post = _readable_post(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            comment = services.comment_create(
                post=post, author=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form.add_error("body", error)
        else:
            return redirect(comment.get_absolute_url())
    return _post_page(request, post, form, status=400)


def _comment(request, pk) -> Comment:
    comment = get_object_or_404(Comment.objects.select_related("post"), pk=pk)
    _readable_post(request, comment.post_id)
    return comment


def comment_edit(request, pk):
    comment = _comment(request, pk)
    if comment.author_id != request.user.pk:
        raise PermissionDenied
    users = mentions.names_for([comment.body])
    form = CommentForm(
        request.POST or None, initial={"body": mentions.decode(comment.body, users)}
    )
    if form.is_valid():
        try:
            services.comment_update(
                comment=comment, by=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form.add_error("body", error)
        else:
            messages.success(request, _("Your comment was updated."))
            return redirect(comment.get_absolute_url())
    return render(
        request, "activity/comment_form.html", {"form": form, "comment": comment}
    )


def comment_delete(request, pk):
    comment = _comment(request, pk)
    if comment.author_id != request.user.pk:
        raise PermissionDenied
    if request.method == "POST":
        services.comment_delete(comment=comment, by=request.user)
        messages.success(request, _("Your comment was deleted."))
        return redirect(comment.post)
    return render(request, "activity/confirm_delete.html", {"object": comment})


@require_POST
def comment_hide(request, pk):
    comment = _comment(request, pk)
    hidden = request.POST.get("hidden") != "0"
    services.comment_hide(comment=comment, by=request.user, hidden=hidden)
    messages.success(
        request,
        _("The comment is hidden from members.")
        if hidden
        else _("The comment is shown again."),
    )
    return redirect(comment.get_absolute_url())


@require_POST
def reaction_toggle(request, pk):
    post = _readable_post(request, pk)
    return reactions.toggle_response(
        request,
        post,
        toggle=services.reaction_toggle,
        prepare=lambda post: selectors.prepare_posts(viewer=request.user, posts=[post]),
        back=_back(request, post.get_absolute_url()),
    )


@require_POST
def committee_feed_settings(request, pk):
    committee = get_object_or_404(CommitteePage.objects.live(), pk=pk)
    form = CommitteeFeedForm(request.POST)
    form.is_valid()  # a checkbox: always valid
    services.committee_feed_set(
        committee=committee,
        by=request.user,
        members_only=form.cleaned_data["members_only"],
    )
    messages.success(request, _("The committee's choice was saved."))
    return redirect("members:committee_manage", pk=committee.pk)


def content_report(request, label, pk):
    """Report to the moderators something registered in `intranet.shell.reports`
    (a mission, a help entry, a post) that one may read."""
    reportable = reports.REPORTABLES.get(label)
    if reportable is None:
        raise Http404
    target = get_object_or_404(reportable.readable(request.user), pk=pk)
    back = reportable.url(target)
    form = ReportForm(request.POST or None)
    if form.is_valid():
        try:
            services.content_report_create(
                target=target, reporter=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error("reason", error)
        else:
            messages.success(request, _("Thank you: the moderators will look at it."))
            return redirect(back)
    return render(
        request,
        "activity/content_report.html",
        {"form": form, "title": reportable.title(target), "back": back},
    )
