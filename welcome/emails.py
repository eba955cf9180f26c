"""E-mails to the family, who has no account: each one carries a fresh private
link to their project page."""

from django.conf import settings
from django.utils import timezone

from intranet.mail import send_templated_mail
from welcome import links

#: Why the family is written to; the template says the matching sentence.
RECEIVED, NEW_LINK, SPONSOR, MESSAGE, STAGE = (
    "received",
    "new_link",
    "sponsor",
    "message",
    "stage",
)


def send(project, reason: str, **context) -> None:
    send_templated_mail(
        "welcome/email/prospect",
        to=[project.email],
        context={
            "project": project,
            "reason": reason,
            "link": links.url_for(project),
            "valid_days": settings.WELCOME_LINK_DAYS,
            **context,
        },
        language=project.language,
    )
    type(project).objects.filter(pk=project.pk).update(
        prospect_emailed_at=timezone.now()
    )
