from django.core.management.base import BaseCommand

from activity import digests
from activity.models import DigestFrequency
from intranet.locks import ALREADY_RUNNING, run_once


class Command(BaseCommand):
    help = (
        "Send the e-mail digests of the period that just ended (run it daily with "
        "--daily, and on Mondays with --weekly). Safe to run again; a copy started "
        "while another runs says so and exits."
    )

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument(
            "--daily", action="store_const", const="daily", dest="frequency"
        )
        group.add_argument(
            "--weekly", action="store_const", const="weekly", dest="frequency"
        )

    def handle(self, *args, frequency, **options):
        # Daily and weekly digests go to different members: they may run together.
        with run_once(f"send_digests.{frequency}") as mine:
            if not mine:
                self.stdout.write(f"send_digests --{frequency}: {ALREADY_RUNNING}")
                return
            sent = digests.send_all(DigestFrequency(frequency))
        self.stdout.write(f"{sent} {frequency} digest(s) sent.")
