from django.core.management.base import BaseCommand

from events import services


class Command(BaseCommand):
    help = (
        "Remind going members of the meetups that start within a day (e-mail or "
        "notification, as each chose). Never twice for the same meetup and member: "
        "safe to run every few minutes from cron."
    )

    def handle(self, *args, **options):
        sent = services.reminders_send()
        self.stdout.write(f"{sent} reminder(s) sent.")
