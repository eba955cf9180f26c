from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def absolute_url(path: str) -> str:
    return f"{settings.BASE_URL}{path}"


def send_templated_mail(
    template_prefix: str,
    *,
    to: list[str],
    context: dict[str, Any],
    language: str,
    headers: dict[str, str] | None = None,
) -> None:
    """Send one HTML + plain-text e-mail rendered in the recipient's language.

    Expects `<prefix>_subject.txt`, `<prefix>.txt` and `<prefix>.html` templates.
    """
    with translation.override(language):
        context = {
            "site_name": "Sohosolo",
            "base_url": settings.BASE_URL,
            "LANGUAGE_CODE": language,
            **context,
        }
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        text = render_to_string(f"{template_prefix}.txt", context)
        html = render_to_string(f"{template_prefix}.html", context)
    message = EmailMultiAlternatives(
        " ".join(subject.split()), text, to=to, headers=headers
    )
    message.attach_alternative(html, "text/html")
    message.send()
