from intranet.mail import absolute_url, send_templated_mail


def send_notification(notification) -> None:
    send_templated_mail(
        "activity/email/notification",
        to=[notification.recipient.email],
        context={
            "notification": notification,
            "url": absolute_url(notification.url or "/"),
        },
        language=notification.recipient.language,
    )
