from django.core.management.base import BaseCommand

from intranet.locks import ALREADY_RUNNING, run_once
from missions import services


class Command(BaseCommand):
    help = (
        "Close the open missions past their closing date (pages already show them "
        "closed): safe to run daily from cron, and twice at once (a copy started "
        "while another runs says so and exits; each mission is closed by one UPDATE)."
    )

    def handle(self, *args, **options):
        with run_once("close_expired_missions") as mine:
            if not mine:
                self.stdout.write(f"close_expired_missions: {ALREADY_RUNNING}")
                return
            count = services.close_expired()
        self.stdout.write(f"{count} expired mission(s) closed.")
