from intranet.mail import absolute_url, send_templated_mail
from members.models import Invitation


def send_invitation(invitation: Invitation, *, path: str, language: str) -> None:
    send_templated_mail(
        "members/email/invitation",
        to=[invitation.email],
        context={"invitation": invitation, "accept_url": absolute_url(path)},
        language=language,
    )
