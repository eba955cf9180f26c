from django.core.management.base import BaseCommand

from events import services
from intranet.locks import ALREADY_RUNNING, run_once


class Command(BaseCommand):
    help = (
        "Remind going members of the meetups that start within a day (e-mail or "
        "notification, as each chose). Never twice for the same meetup and member: "
        "safe to run every few minutes from cron (a copy started while another runs "
        "says so and exits)."
    )

    def handle(self, *args, **options):
        with run_once("send_event_reminders") as mine:
            if not mine:
                self.stdout.write(f"send_event_reminders: {ALREADY_RUNNING}")
                return
            sent = services.reminders_send()
        self.stdout.write(f"{sent} reminder(s) sent.")
