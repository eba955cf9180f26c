from django.core.management.base import BaseCommand

from intranet.locks import ALREADY_RUNNING, run_once
from mutualaid import services


class Command(BaseCommand):
    help = (
        "Close the help entries whose expiry passed (pages already show them "
        "closed). Safe to run twice at once."
    )

    def handle(self, *args, **options):
        with run_once("close_expired_help") as mine:
            if not mine:
                self.stdout.write(f"close_expired_help {ALREADY_RUNNING}")
                return
            closed = services.close_expired()
        self.stdout.write(f"{closed} help entries closed.")
