"""Personal data (GDPR): the member's download and the erasure of their account.

Every app plugs in what it holds about a member (`intranet.shell.personal_data`):
each exporter adds a JSON file to the download; each eraser runs when a member
deletes their account, inside one transaction. After erasure the account row
stays, nameless and inactive, so that what the member wrote in shared spaces is
kept and shown as written by "Ancien membre".
"""

import io
import json
import zipfile

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from intranet.shell.personal_data import ERASERS, EXPORTERS
from members.models import User


def export_zip(user: User) -> bytes:
    """A ZIP with one JSON file per kind of data, plus the member's photo."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, function in EXPORTERS.items():
            data = json.dumps(
                function(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
            )
            archive.writestr(f"{name}.json", data)
        profile = getattr(user, "profile", None)
        if profile is not None and profile.photo:
            with profile.photo.open("rb") as photo:
                archive.writestr(f"photo{profile.photo.name[-5:]}", photo.read())
    return buffer.getvalue()


@transaction.atomic
def erase(user: User) -> None:
    """Run every app's eraser, then make the account nameless and unusable."""
    for function in ERASERS:
        function(user)
    anonymise_account(user)


def anonymise_account(user: User) -> None:
    user.email = f"ancien-membre-{user.pk}@anonyme.invalid"
    user.first_name, user.last_name = "Ancien", "membre"
    user.is_active = user.is_staff = user.is_superuser = False
    user.language = settings.LANGUAGE_CODE
    user.last_login = None
    user.set_unusable_password()  # also ends every session (its hash changes)
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
