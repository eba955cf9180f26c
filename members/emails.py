from intranet.mail import absolute_url, send_templated_mail
from members.models import Invitation


def send_invitation(invitation: Invitation, *, path: str, language: str) -> None:
    send_templated_mail(
        "members/email/invitation",
        to=[invitation.email],
        context={"invitation": invitation, "accept_url": absolute_url(path)},
        language=language,
    )


def send_email_change(user, *, new_email: str, path: str) -> None:
    context = {"user": user, "new_email": new_email, "confirm_url": absolute_url(path)}
    send_templated_mail(
        "members/email/email_change",
        to=[new_email],
        context=context,
        language=user.language,
    )
    send_templated_mail(
        "members/email/email_change_notice",
        to=[user.email],
        context=context,
        language=user.language,
    )
