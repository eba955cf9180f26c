from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from wagtail import views as wagtail_views


@login_not_required
def serve(request, path):
    """Wagtail's page view, let past the login wall: `wagtail_hooks.members_only`
    then requires login for every page type that is not marked `is_public`.

    An anonymous visitor gets the login page for an unknown address too, so that
    the answer does not tell which private pages exist.
    """
    try:
        return wagtail_views.serve(request, path)
    except Http404:
        if request.user.is_authenticated:
            raise
        return redirect_to_login(request.get_full_path())
