from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from activity import mentions, reactions
from activity import selectors as activity_selectors
from activity import services as activity_services
from activity.models import ContentReport
from committees.selectors import is_referent_somewhere
from forums import selectors, services
from forums.forms import MoveForm, PostForm, ReportForm, RetitleForm, TopicForm
from forums.models import Category, Post, Subscription
from intranet import addresses, errors
from intranet.http import object_or_404
from intranet.links import reverse


def _category(request, slug) -> Category:
    category = get_object_or_404(
        Category.objects.select_related("committee"), slug=slug
    )
    if not selectors.can_read(user=request.user, category=category):
        raise Http404
    return category


def _topic(request, pk):
    topic = selectors.topic_for(user=request.user, pk=pk)
    if topic is None:
        raise Http404
    return topic


def _post(request, pk) -> Post:
    post = get_object_or_404(Post.objects.select_related("topic__category"), pk=pk)
    if not selectors.can_read(user=request.user, category=post.topic.category):
        raise Http404
    return post


def category_list(request):
    categories = selectors.category_list(user=request.user)
    return render(
        request,
        "forums/category_list.html",
        {
            "network": [c for c in categories if c.committee_id is None],
            "local": [c for c in categories if c.committee_id is not None],
            "reports": selectors.open_reports(user=request.user).count(),
        },
    )


def category_detail(request, slug):
    category = _category(request, slug)
    page_obj = Paginator(
        selectors.topics_of(category=category, user=request.user),
        selectors.TOPICS_PER_PAGE,
    ).get_page(request.GET.get("page"))
    page_obj.object_list = selectors.mark_unread(topics=page_obj.object_list)
    return render(
        request,
        "forums/category_detail.html",
        {
            "category": category,
            "page_obj": page_obj,
            "subscription": selectors.subscription_of(
                user=request.user, category=category
            ),
        },
    )


def topic_create(request, slug):
    category = _category(request, slug)
    form = TopicForm(request.POST or None)
    if form.is_valid() and "preview" not in request.POST:
        try:
            topic = services.topic_create(
                author=request.user,
                category=category,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(topic)
    preview = (
        _rendered(form.cleaned_data["body"])
        if form.is_bound and "preview" in request.POST and form.is_valid()
        else None
    )
    return render(
        request,
        "forums/topic_form.html",
        {"category": category, "form": form, "preview": preview},
        status=400 if form.is_bound and form.errors else 200,
    )


def _link(posts: list) -> None:
    """The addresses each message of a page links to (one `reverse` per route)."""
    profile, permalink = (
        addresses.of("members:profile_detail"),
        addresses.of("forums:post"),
    )
    react, quote = (
        addresses.of("forums:reaction_toggle"),
        addresses.of("forums:post_quote"),
    )
    edit, delete = addresses.of("forums:post_edit"), addresses.of("forums:post_delete")
    report = addresses.of("forums:post_report")
    for post in posts:
        post.author_url, post.url = profile(post.author_id), permalink(post.pk)
        post.react_url, post.quote_url = react(post.pk), quote(post.pk)
        if getattr(post, "can_edit", False):
            post.edit_url, post.delete_url = edit(post.pk), delete(post.pk)
        else:
            post.report_url = report(post.pk)


def topic_detail(request, pk):
    topic = _topic(request, pk)
    moderator = selectors.can_moderate(user=request.user, category=topic.category)
    page_obj = Paginator(
        selectors.posts_of(topic=topic), selectors.POSTS_PER_PAGE
    ).get_page(request.GET.get("page"))
    posts = list(page_obj.object_list)
    selectors.prepare_posts(user=request.user, posts=posts, moderator=moderator)
    _link(posts)
    unread = selectors.first_unread(topic=topic, user=request.user)
    quote = selectors.quote_of(topic=topic, pk=request.GET.get("citer", ""))
    return render(
        request,
        "forums/topic_detail.html",
        {
            "topic": topic,
            "page_obj": page_obj,
            "posts": posts,
            "moderator": moderator,
            "first_unread": unread,
            "form": PostForm(initial={"body": quote}),
            "subscription": selectors.subscription_of(user=request.user, topic=topic),
            "move_form": MoveForm(
                categories=selectors.readable_categories(user=request.user)
            )
            if moderator
            else None,
        },
    )


def topic_first_unread(request, pk):
    topic = _topic(request, pk)
    post = selectors.first_unread(topic=topic, user=request.user) or topic.last_post
    return redirect(post or topic)


def post_permalink(request, pk):
    post = _post(request, pk)
    page = selectors.page_of(post=post)
    suffix = f"?page={page}" if page > 1 else ""
    return redirect(f"{post.topic.get_absolute_url()}{suffix}#message-{post.pk}")


@require_POST
def post_create(request, pk):
    topic = _topic(request, pk)
    if "citer" in request.POST:
        return _quoted_reply(request, topic)
    form = PostForm(request.POST)
    if form.is_valid() and "preview" not in request.POST:
        try:
            post = services.post_create(
                author=request.user, topic=topic, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("forums:post", pk=post.pk)
    preview = (
        _rendered(form.cleaned_data["body"])
        if "preview" in request.POST and form.is_valid()
        else None
    )
    return render(
        request,
        "forums/post_form.html",
        {"topic": topic, "form": form, "preview": preview},
        status=400 if form.errors else 200,
    )


def _quoted_reply(request, topic):
    """« Quote » without JavaScript: the reply form again, with what was typed
    followed by the quote (nothing is sent)."""
    typed = request.POST.get("body", "")[: services.BODY_MAX].rstrip()
    quote = selectors.quote_of(topic=topic, pk=request.POST.get("citer", ""))
    body = f"{typed}\n\n{quote}" if typed else quote
    return render(
        request,
        "forums/post_form.html",
        {"topic": topic, "form": PostForm(initial={"body": body}), "kept": True},
    )


def post_quote(request, pk):
    """A message as a Markdown quote, for « Quote » to insert where one types."""
    post = _post(request, pk)
    quote = selectors.quote_of(topic=post.topic, pk=str(post.pk))
    if not quote:
        raise Http404
    return HttpResponse(quote, content_type="text/plain; charset=utf-8")


def _rendered(body: str):
    """A message as it will show, mentions included."""
    encoded = mentions.encode(body)
    return mentions.render(encoded, mentions.names_for([encoded]))


@require_POST
def preview(request):
    """The server's rendering of a message being written (htmx)."""
    body = request.POST.get("body", "")[: services.BODY_MAX]
    if not body.strip():
        return render(request, "forums/includes/preview.html", {"empty": True})
    return render(request, "forums/includes/preview.html", {"preview": _rendered(body)})


def post_edit(request, pk):
    post = _post(request, pk)
    if post.author_id != request.user.pk or post.deleted_at is not None:
        raise PermissionDenied
    users = mentions.names_for([post.body])
    form = PostForm(
        request.POST or None, initial={"body": mentions.decode(post.body, users)}
    )
    if form.is_valid() and "preview" not in request.POST:
        try:
            services.post_update(
                post=post, by=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your message was updated."))
            return redirect("forums:post", pk=post.pk)
    return render(
        request,
        "forums/post_form.html",
        {"topic": post.topic, "form": form, "post": post},
    )


def post_delete(request, pk):
    post = _post(request, pk)
    if post.author_id != request.user.pk or post.deleted_at is not None:
        raise PermissionDenied
    if request.method == "POST":
        services.post_delete(post=post, by=request.user)
        messages.success(request, _("Your message was deleted."))
        return redirect(post.topic)
    return render(request, "forums/post_delete.html", {"post": post})


@require_POST
def post_hide(request, pk):
    post = _post(request, pk)
    hidden = request.POST.get("hidden") != "0"
    services.post_hide(post=post, by=request.user, hidden=hidden)
    messages.success(
        request,
        _("The message is hidden from members.")
        if hidden
        else _("The message is shown again."),
    )
    return redirect("forums:post", pk=post.pk)


def post_revisions(request, pk):
    post = _post(request, pk)
    if not selectors.can_moderate(user=request.user, category=post.topic.category):
        raise PermissionDenied
    return render(
        request,
        "forums/post_revisions.html",
        {"post": post, "revisions": post.revisions.all()},
    )


@require_POST
def reaction_toggle(request, pk):
    post = _post(request, pk)
    return reactions.toggle_response(
        request,
        post,
        toggle=services.reaction_toggle,
        prepare=lambda post: selectors.prepare_posts(
            user=request.user, posts=[post], moderator=False
        ),
        back=reverse("forums:post", args=[post.pk]),
    )


def post_report(request, pk):
    post = _post(request, pk)
    form = ReportForm(request.POST or None)
    if form.is_valid():
        try:
            services.report_create(
                post=post, reporter=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error("reason", error)
        else:
            messages.success(
                request, _("Thank you: the moderators will look at this message.")
            )
            return redirect("forums:post", pk=post.pk)
    return render(request, "forums/post_report.html", {"post": post, "form": form})


@require_POST
def topic_moderate(request, pk):
    """Lock, pin, rename or move a topic (moderators and the committee's référents)."""
    topic = _topic(request, pk)
    action = request.POST.get("action", "")
    try:
        if action in ("lock", "unlock"):
            services.topic_lock(topic=topic, by=request.user, locked=action == "lock")
        elif action in ("pin", "unpin"):
            services.topic_pin(topic=topic, by=request.user, pinned=action == "pin")
        elif action == "retitle":
            form = RetitleForm(request.POST)
            if not form.is_valid():
                raise ValidationError(form.errors["title"])
            services.topic_retitle(
                topic=topic, by=request.user, title=form.cleaned_data["title"]
            )
        elif action == "move":
            form = MoveForm(
                request.POST,
                categories=selectors.readable_categories(user=request.user),
            )
            if not form.is_valid():
                raise ValidationError(_("Choose a category."))
            services.topic_move(
                topic=topic, by=request.user, category=form.cleaned_data["category"]
            )
        else:
            return HttpResponseBadRequest(_("Unknown action."))
    except ValidationError as error:
        errors.tell(request, error)
    else:
        messages.success(request, _("The topic was updated."))
    return redirect(topic)


@require_POST
def watch(request, pk=None, slug=None):
    """Watch, mute or go back to default, for a topic (pk) or a category (slug)."""
    level = request.POST.get("level") or None
    if level not in (None, *Subscription.Level.values):
        return HttpResponseBadRequest(_("Unknown choice."))
    if pk is not None:
        target = _topic(request, pk)
        services.watch_set(user=request.user, topic=target, level=level)
    else:
        target = _category(request, slug)
        services.watch_set(user=request.user, category=target, level=level)
    messages.success(request, _("Your choice was saved."))
    return redirect(target)


@require_POST
@require_POST
def topic_read(request, pk):
    """What a topic's page showed is read: posted by the page itself once shown
    (htmx), or by its « Mark as read » button without JavaScript."""
    topic = _topic(request, pk)
    upto = request.POST.get("upto", "")
    post = Post.objects.filter(topic=topic, pk=upto).first() if upto.isdigit() else None
    if post is None:
        raise Http404
    services.mark_read(user=request.user, topic=topic, until=post.created_at)
    if request.htmx:
        return HttpResponse(status=204)
    return redirect(post)


def mark_all_read(request, slug):
    category = _category(request, slug)
    services.mark_all_read(user=request.user, category=category)
    messages.success(request, _("Every topic of this category is marked as read."))
    return redirect(category)


def _require_moderation_rights(user) -> None:
    if not (user.has_perm("members.moderate") or is_referent_somewhere(user=user)):
        raise PermissionDenied


def moderation(request):
    """The reports to handle; moderators and référents only."""
    _require_moderation_rights(request.user)
    reports = selectors.open_reports(user=request.user)
    if request.method == "POST" and "content_report" in request.POST:
        return _content_report_resolve(request)
    if request.method == "POST":
        report = object_or_404(reports, request.POST.get("report"))
        try:
            services.report_resolve(
                report=report,
                by=request.user,
                acted=request.POST.get("decision") == "act",
                resolution=request.POST.get("resolution", ""),
            )
        except ValidationError as error:
            errors.tell(request, error)
        else:
            messages.success(request, _("The report is handled."))
        return redirect("forums:moderation")
    reports = list(reports[:100])
    users = mentions.names_for([report.post.body for report in reports])
    for report in reports:
        report.post.html = mentions.render(report.post.body, users)
    others = activity_selectors.content_reports_open(user=request.user)
    users = mentions.names_for([r.reportable.text(r.target) for r in others])
    for report in others:
        shown, target = report.reportable, report.target
        report.html = mentions.render(shown.text(target), users)
        report.title, report.url = shown.title(target), shown.url(target)
        report.author = getattr(target, shown.author)
    return render(
        request, "forums/moderation.html", {"reports": reports, "others": others}
    )


def _content_report_resolve(request):
    """Decide on a report of something other than a forum message."""
    report = object_or_404(
        ContentReport.objects.filter(status=ContentReport.Status.OPEN),
        request.POST.get("content_report"),
    )
    try:
        activity_services.content_report_resolve(
            report=report,
            by=request.user,
            acted=request.POST.get("decision") == "act",
            resolution=request.POST.get("resolution", ""),
        )
    except ValidationError as error:
        errors.tell(request, error)
    else:
        messages.success(request, _("The report is handled."))
    return redirect("forums:moderation")


def moderation_log(request):
    _require_moderation_rights(request.user)
    page_obj = Paginator(selectors.moderation_log(user=request.user), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "forums/moderation_log.html", {"page_obj": page_obj})
