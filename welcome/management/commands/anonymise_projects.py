from django.conf import settings
from django.core.management.base import BaseCommand

from intranet.locks import ALREADY_RUNNING, run_once
from welcome import services


class Command(BaseCommand):
    help = (
        "Anonymise the installation projects abandoned more than "
        "WELCOME_RETENTION_DAYS ago: names, addresses, texts, notes and the "
        "conversation go; stages and dates stay for the figures. Each project in "
        "its own transaction, never twice: safe to run daily from cron (a copy "
        "started while another runs says so and exits)."
    )

    def handle(self, *args, **options):
        with run_once("anonymise_projects") as mine:
            if not mine:
                self.stdout.write(f"anonymise_projects: {ALREADY_RUNNING}")
                return
            count = services.anonymise_expired()
        self.stdout.write(
            f"{count} project(s) anonymised "
            f"(abandoned more than {settings.WELCOME_RETENTION_DAYS} days ago)."
        )
