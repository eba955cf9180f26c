"""Every account gets its feed secret when it is created (the account page only
reads it): members who never opened that page get theirs now."""

import secrets

from django.db import migrations


def create(apps, schema_editor):
    User = apps.get_model("members", "User")
    FeedToken = apps.get_model("members", "FeedToken")
    FeedToken.objects.bulk_create(
        FeedToken(user_id=pk, key=secrets.token_urlsafe(32))
        for pk in User.objects.filter(
            feed_token__isnull=True, is_active=True
        ).values_list(
            "pk", flat=True
        )
    )


class Migration(migrations.Migration):
    dependencies = [("members", "0009_committees_moved_out")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
