"""The chat over plain HTTP: the page a member reads and writes in without
JavaScript; `static/js/chat.js` then takes the same page live over `/ws/`.

A GET only reads. What a member has read is written by the socket's `read` frame
(the live page sends it for what it shows) or, without JavaScript, by the page's
« Mark as read » form; posting a message marks its room read too."""

import uuid
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from activity.mentions import decode, names_for
from activity.models import REACTION_NAMES, Reaction
from chat import attachments, broadcast, presence, selectors, services
from chat.consumers import SYNC_MARGIN
from chat.forms import ConversationForm
from chat.models import MAX_GROUP, MAX_MESSAGE, Attachment, Message, Room
from committees.rights import can_manage_committee
from intranet import addresses, errors
from members.models import User
from members.selectors import members_named_like


def _readable(request, pk) -> Room:
    room = selectors.readable_room(user=request.user, pk=pk)
    if room is None:
        raise Http404
    return room


def index(request):
    rooms = selectors.room_list(user=request.user)
    return render(request, "chat/index.html", {"rooms": rooms})


def _prepare(page: list[Message], viewer) -> None:
    """What the template shows of each message, from what was prefetched: its
    mentions' names, the quote of the message it answers, the reactions it was
    given (the menu to react lists every reaction once per page), its addresses."""
    names = names_for(broadcast.bodies(page))
    profile, react = addresses.of("members:profile_detail"), addresses.of("chat:react")
    edit, delete = addresses.of("chat:edit"), addresses.of("chat:delete")
    for message in page:
        message.names = names
        message.quote = broadcast.quote_of(message, names)
        message.reaction_rows = [
            {
                **row,
                "name": REACTION_NAMES[Reaction(row["key"])],
                "mine": viewer.pk in row["users"],
                "people": row["names"],
            }
            for row in broadcast.reactions_of(message)
        ]
        message.author_url = profile(message.author_id)
        message.react_url = react(message.pk)
        if message.author_id == viewer.pk:
            message.edit_url, message.delete_url = edit(message.pk), delete(message.pk)


def _reactions() -> list[dict]:
    """The set a member chooses from, as the page's menu and script list it."""
    return [
        {"key": key, "emoji": emoji, "name": REACTION_NAMES[Reaction(key)]}
        for key, emoji in Reaction.choices
    ]


def _reply_to(request, room: Room) -> Message | None:
    """The message « Répondre » chose (`?reponse=`), without JavaScript."""
    asked = request.GET.get("reponse", "")
    if not asked.isdigit() or len(asked) > 18:
        return None
    found = (
        Message.objects.select_related("author")
        .filter(room=room, pk=int(asked), deleted_at__isnull=True)
        .first()
    )
    if found is not None:
        found.excerpt = broadcast.excerpt(found.body, names_for([found.body]))
    return found


def room(request, pk):
    room = _readable(request, pk)
    before = request.GET.get("avant", "")
    page = selectors.messages_before(
        room=room, before=int(before) if before.isdigit() else None
    )
    _prepare(page, request.user)
    rooms = selectors.room_list(user=request.user)
    current = next((r for r in rooms if r.pk == room.pk), None)
    if current is None:  # another committee's open room: not in the list
        current = room
        marker = selectors.marker_of(user=request.user, room=room)
        read_upto, muted = (
            (marker.last_read_id, marker.muted) if marker else (None, False)
        )
    else:  # the list has the member's marker of each room
        read_upto, muted = current.read_upto, current.muted
    if room.is_direct and not hasattr(current, "people"):
        selectors.attach_people(rooms=[current], user=request.user)
    online, more_online = presence.seen_by(presence.in_room(room), request.user.pk)
    # The divider before what the member has not read yet (not their own).
    unread = [
        m for m in page
        if not before and read_upto is not None and m.pk > read_upto
        and m.author_id != request.user.pk
    ]  # fmt: skip
    return render(
        request,
        "chat/room.html",
        {
            "rooms": rooms,
            "room": current,
            "page": page,
            "last_id": page[-1].pk if page and not before else "",
            "older": page[0].seq if len(page) == selectors.PAGE else None,
            # A form sent twice (a double click, a retry) stores one message.
            "send_key": uuid.uuid4().hex,
            # Edits made from now on (and a little before) reach the tab's catch-up.
            "synced": broadcast.stamp(timezone.now() - timedelta(seconds=SYNC_MARGIN)),
            "can_post": selectors.can_post(user=request.user, room=room),
            "muted": muted,
            # The latest page shows messages the member has not marked read.
            "mark_read": bool(page)
            and not before
            and (read_upto is None or read_upto < page[-1].pk),
            "max_length": MAX_MESSAGE,
            "reply_to": _reply_to(request, room),
            "first_unread": unread[0].pk if unread else None,
            "unread_count": len(unread),
            "reactions": _reactions(),
            "max_files": attachments.MAX_FILES,
            "online": online,
            "more_online": more_online,
            "can_manage": room.committee_id is not None
            and can_manage_committee(user=request.user, committee=room.committee),
        },
    )


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@require_POST
def send(request, pk):
    """Post a message, with its files and the message it answers: the form of
    the page without JavaScript, and the live page's send with files (JSON)."""
    room = _readable(request, pk)
    reply_to = request.POST.get("reply_to", "")
    try:
        message = services.message_post(
            room=room,
            author=request.user,
            body=request.POST.get("body", ""),
            key=request.POST.get("key", "")[: services.MAX_KEY],
            reply_to=int(reply_to)
            if reply_to.isdigit() and len(reply_to) < 19
            else None,
            files=request.FILES.getlist("files"),
        )
    except (ValidationError, PermissionDenied) as error:
        if _wants_json(request):
            text = getattr(error, "messages", None) or [str(error)]
            return JsonResponse({"error": text[0]}, status=400)
        errors.tell(request, error)
        return redirect(room.get_absolute_url() + "#composer")
    if _wants_json(request):
        found = selectors.message_by_id(pk=message.pk)
        return JsonResponse(
            {"id": found.pk, "seq": found.seq, "key": found.key,
             "message": broadcast.payload(found)},
            json_dumps_params={"ensure_ascii": False},
        )  # fmt: skip
    return redirect(room.get_absolute_url() + "#composer")


@require_POST
def read(request, pk):
    """« Mark as read » without JavaScript: the room read up to the last message
    the page showed (`upto`)."""
    room = _readable(request, pk)
    upto = request.POST.get("upto", "")
    upto = int(upto) if upto.isdigit() and len(upto) < 19 else None
    services.mark_read(user=request.user, room=room, upto=upto)
    return redirect(room.get_absolute_url() + (f"#message-{upto}" if upto else ""))


@require_POST
def mute(request, pk):
    room = _readable(request, pk)
    muted = request.POST.get("muted") == "1"
    services.mute_set(user=request.user, room=room, muted=muted)
    messages.success(
        request,
        _("The room is muted: it no longer counts in your unread messages.")
        if muted
        else _("The room counts again in your unread messages."),
    )
    return redirect(room)


@require_POST
def leave(request, pk):
    room = _readable(request, pk)
    try:
        services.conversation_leave(user=request.user, room=room)
    except ValidationError as error:
        errors.tell(request, error)
        return redirect(room)
    messages.success(request, _("You left the conversation."))
    return redirect("chat:index")


@require_POST
def access(request, pk):
    room = _readable(request, pk)
    if room.committee is None:
        raise Http404
    services.committee_room_access_set(
        committee=room.committee, by=request.user, access=request.POST.get("access", "")
    )
    messages.success(request, _("Who reads the room is saved."))
    return redirect(room)


@require_POST
def conversation_with(request, pk):
    """« Envoyer un message » on a profile: the one conversation with that member."""
    other = get_object_or_404(User, pk=pk, is_active=True)
    try:
        room = services.conversation_for(user=request.user, others=[other])
    except ValidationError as error:
        errors.tell(request, error)
        return redirect("members:profile_detail", pk=pk)
    return redirect(room)


def conversation_new(request):
    """Start a conversation with one or more members, without JavaScript: one form
    where « Chercher » keeps the people ticked so far and « Commencer » opens the
    conversation (the existing one if these people already have one)."""
    form = ConversationForm(request.POST or None)
    chosen, found, query = [], [], ""
    if form.is_valid():
        chosen = [p for p in form.cleaned_data["people"] if p.pk != request.user.pk]
        query = form.cleaned_data["q"]
        if "start" in request.POST:
            try:
                room = services.conversation_for(user=request.user, others=chosen)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect(room)
        found = members_named_like(text=query, limit=20)
    if not query:
        found = selectors.people_to_write_to(user=request.user)
    left_out = {request.user.pk, *(person.pk for person in chosen)}
    return render(
        request,
        "chat/conversation_new.html",
        {
            "form": form,
            "chosen": chosen,
            "found": [person for person in found if person.pk not in left_out],
            "query": query,
            "max_group": MAX_GROUP,
        },
    )


def _own_message(request, pk) -> Message:
    message = get_object_or_404(Message.objects.select_related("room"), pk=pk)
    if not selectors.can_read(user=request.user, room=message.room):
        raise Http404
    return message


def message_edit(request, pk):
    message = _own_message(request, pk)
    if request.method == "POST":
        try:
            services.message_edit(
                message=message, by=request.user, body=request.POST.get("body", "")
            )
        except (ValidationError, PermissionDenied) as error:
            errors.tell(request, error)
        else:
            return redirect(message.room.get_absolute_url() + f"#message-{message.pk}")
    if message.author_id != request.user.pk or message.deleted_at:
        raise PermissionDenied
    text = decode(message.body, names_for([message.body]))
    return render(
        request,
        "chat/message_edit.html",
        {
            "message": message,
            "text": request.POST.get("body", text),
            "max_length": MAX_MESSAGE,
        },
    )


def react(request, pk):
    """Toggle a reaction without JavaScript (the live page uses the socket); a
    GET shows the message with the set of reactions to choose from (the room's
    menu links here when the page has no script to fill it)."""
    message = _own_message(request, pk)
    if request.method == "POST":
        try:
            services.reaction_toggle(
                message=message,
                user=request.user,
                reaction=request.POST.get("reaction", ""),
            )
        except (ValidationError, PermissionDenied) as error:
            errors.tell(request, error)
        return redirect(message.room.get_absolute_url() + f"#message-{message.pk}")
    if message.deleted_at or not selectors.can_post(
        user=request.user, room=message.room
    ):
        raise PermissionDenied
    message = selectors.message_by_id(pk=message.pk)
    _prepare([message], request.user)
    return render(
        request,
        "chat/message_react.html",
        {
            "message": message,
            "reactions": _reactions(),
            "mine": [row["key"] for row in message.reaction_rows if row["mine"]],
        },
    )


def _attachment(request, pk) -> Attachment:
    """Only to who may read the room; the same 404 for what does not exist."""
    found = Attachment.objects.select_related("room").filter(pk=pk).first()
    if found is None or not selectors.can_read(user=request.user, room=found.room):
        raise Http404
    return found


def _serve(request, attachment: Attachment, field, *, content_type: str, inline: bool):
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        content_type=content_type,
        as_attachment=not inline,
        filename=attachment.name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    # A document never runs as a page of this site, whatever it holds.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@cache_control(private=True, max_age=86400)
def attachment(request, pk):
    """The file as sent (a photo re-encoded): photos shown, documents downloaded."""
    found = _attachment(request, pk)
    photo = found.kind == Attachment.Kind.PHOTO
    return _serve(
        request, found, found.file, content_type=found.content_type, inline=photo
    )


@cache_control(private=True, max_age=86400)
def attachment_thumbnail(request, pk):
    found = _attachment(request, pk)
    if not found.thumbnail:
        raise Http404
    return _serve(
        request, found, found.thumbnail, content_type="image/webp", inline=True
    )


@require_POST
def message_delete(request, pk):
    message = _own_message(request, pk)
    try:
        services.message_delete(message=message, by=request.user)
    except PermissionDenied as error:
        errors.tell(request, error)
    return redirect(message.room.get_absolute_url() + f"#message-{message.pk}")
