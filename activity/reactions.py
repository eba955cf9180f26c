"""The answer to a reaction toggled on a feed post or a forum message."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render


def toggle_response(request, post, *, toggle, prepare, back: str):
    """Toggle, then answer htmx with the new reaction bar, or redirect to `back`."""
    try:
        toggle(post=post, user=request.user, reaction=request.POST.get("reaction", ""))
    except ValidationError as error:
        if request.htmx:
            return HttpResponseBadRequest(error.messages[0])
        messages.error(request, error.messages[0])
    if request.htmx:
        prepare(post)
        return render(
            request,
            "includes/reactions.html",
            {"post": post, "react_url": request.path},
        )
    return redirect(back)
