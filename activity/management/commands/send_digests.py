from django.core.management.base import BaseCommand

from activity import digests
from activity.models import DigestFrequency


class Command(BaseCommand):
    help = (
        "Send the e-mail digests of the period that just ended (run it daily with "
        "--daily, and on Mondays with --weekly). Safe to run again."
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
        sent = digests.send_all(DigestFrequency(frequency))
        self.stdout.write(f"{sent} {frequency} digest(s) sent.")
