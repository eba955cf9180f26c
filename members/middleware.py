from django.conf import settings
from django.utils import translation

SYNCED = "members_language_synced"


class MemberLanguageMiddleware:
    """Show a logged-in member the interface in their saved language.

    LocaleMiddleware reads the language cookie, which may come from before the login
    (the switch on the login page, another person on a shared computer). Once per
    session the member's saved preference wins and the cookie follows it; after
    that, the switch saves both.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        apply = user.is_authenticated and not request.session.get(SYNCED)
        # The member, now read, in place of the lazy object that read them: every
        # later `request.user.…` (a thousand a page) skips its indirection.
        request.user = user = getattr(user, "_wrapped", user)
        if apply:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
            request.session[SYNCED] = True
        response = self.get_response(request)
        if apply:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                user.language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite="Lax",
                secure=settings.HTTPS,
            )
        return response
