from django.core.management.base import BaseCommand

from intranet.locks import ALREADY_RUNNING, run_once
from welcome import services


class Command(BaseCommand):
    help = (
        "Tell sponsors, référents and holders about the newcomer checklist steps "
        "that became overdue (kept for their digest by default). Each step is told "
        "once, until its date changes: safe to run daily from cron, before "
        "send_digests (a copy started while another runs says so and exits)."
    )

    def handle(self, *args, **options):
        with run_once("notify_overdue_steps") as mine:
            if not mine:
                self.stdout.write(f"notify_overdue_steps: {ALREADY_RUNNING}")
                return
            count = services.overdue_notify()
        self.stdout.write(f"{count} overdue step(s) told.")
