from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from intranet import backups
from intranet.locks import ALREADY_RUNNING, run_once


class Command(BaseCommand):
    help = (
        "Restore a backup (its folder, its name in DJANGO_BACKUP_DIR, or `latest`) "
        "into an empty database and an empty media folder, after checking its key "
        "and checksums. Stop the site first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("backup", help="folder, name, or `latest`")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace what the database and the media folder hold",
        )

    def handle(self, *args: Any, backup: str, force: bool, **options: Any) -> None:
        with run_once("backup") as mine:
            if not mine:
                self.stdout.write(f"restore: {ALREADY_RUNNING}")
                return
            try:
                restored = backups.restore(path=backups.find(backup), force=force)
            except backups.BackupError as error:
                raise CommandError(str(error)) from error
        manifest = restored.manifest
        self.stdout.write(
            _(
                "Restored %(name)s (taken %(created)s): the %(vendor)s database and "
                "the media (files: %(files)d)."
            )
            % {
                "name": restored.backup.name,
                "created": manifest["created"],
                "vendor": manifest["database"]["vendor"],
                "files": manifest["media"]["files"],
            }
        )
        if restored.to_apply:
            self.stdout.write(
                _(
                    "Migrations the code has and this backup lacks: %(count)d. Run "
                    "`manage.py migrate`."
                )
                % {"count": len(restored.to_apply)}
            )
        if restored.unknown:
            self.stderr.write(
                _(
                    "Migrations of this backup the code does not know: %(count)d "
                    "(%(first)s…). It comes from a newer version: deploy that "
                    "version to use it."
                )
                % {
                    "count": len(restored.unknown),
                    "first": ".".join(restored.unknown[0]),
                }
            )
