from django.conf import settings
from django.utils import translation


class MemberLanguageMiddleware:
    """Bring a member's saved language to a browser that has not chosen one yet.

    LocaleMiddleware reads the language cookie; a member logging in on a new device
    has none, so their saved preference is applied and remembered in the cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        apply = (
            user.is_authenticated
            and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
            and user.language != request.LANGUAGE_CODE
        )
        if apply:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
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
