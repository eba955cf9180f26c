from django.core.management.base import BaseCommand

from welcome import services


class Command(BaseCommand):
    help = (
        "Tell sponsors, référents and holders about the newcomer checklist steps "
        "that became overdue (kept for their digest by default). Each step is told "
        "once, until its date changes: safe to run daily from cron, before "
        "send_digests."
    )

    def handle(self, *args, **options):
        count = services.overdue_notify()
        self.stdout.write(f"{count} overdue step(s) told.")
