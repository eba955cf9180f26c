import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from intranet import backups
from intranet.locks import ALREADY_RUNNING, run_once


class Command(BaseCommand):
    help = (
        "Back up the database and the media folder into one dated folder under "
        "DJANGO_BACKUP_DIR (encrypted with DJANGO_BACKUP_KEY when it is set), then "
        "keep the last daily and weekly ones. Safe to run from a timer: a copy "
        "started while another runs says so and exits."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--keep-daily",
            type=int,
            default=7,
            help="days whose newest backup is kept (default 7)",
        )
        parser.add_argument(
            "--keep-weekly",
            type=int,
            default=5,
            help="weeks whose newest backup is kept (default 5)",
        )
        parser.add_argument(
            "--new-key",
            action="store_true",
            help="print a new key for DJANGO_BACKUP_KEY and exit",
        )

    def handle(
        self,
        *args: Any,
        keep_daily: int,
        keep_weekly: int,
        new_key: bool,
        **options: Any,
    ) -> None:
        if new_key:
            self.stdout.write(backups.new_key())
            return
        if keep_daily < 0 or keep_weekly < 0:
            raise CommandError("--keep-daily and --keep-weekly cannot be negative.")
        started = time.monotonic()
        with run_once("backup") as mine:
            if not mine:
                self.stdout.write(f"backup: {ALREADY_RUNNING}")
                return
            try:
                backup, manifest = backups.take()
            except backups.BackupError as error:
                raise CommandError(str(error)) from error
            removed = backups.rotate(daily=keep_daily, weekly=keep_weekly)
        size = sum(f["bytes"] for f in manifest["files"].values())
        self.stdout.write(
            _(
                "Backup %(path)s written in %(seconds).1f s: %(size)s, media files: "
                "%(files)d%(sealed)s. Older backups removed: %(removed)d."
            )
            % {
                "path": backup.path,
                "size": filesizeformat(size),
                "files": manifest["media"]["files"],
                "sealed": _(", encrypted") if manifest["encryption"] else "",
                "seconds": time.monotonic() - started,
                "removed": len(removed),
            }
        )
