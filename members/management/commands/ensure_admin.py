import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management.base import BaseCommand

from members import services
from members.models import Profile, User

ADMIN_EMAIL = "admin@sohosolo.localhost"


class Command(BaseCommand):
    help = (
        "Create the local administrator account once, keep its generated password "
        "in var/, and print how to log in."
    )

    def handle(self, *args, **options):
        secret_file = settings.VAR_DIR / "admin_password"
        user = User.objects.filter(email=ADMIN_EMAIL).first()
        if user is None or not secret_file.exists():
            password = secrets.token_urlsafe(12)
            if user is None:
                user = User.objects.create_superuser(
                    ADMIN_EMAIL, password, first_name="Admin", last_name="Sohosolo"
                )
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            Profile.objects.get_or_create(user=user)
            services.feed_token_for(user=user)
            EmailAddress.objects.update_or_create(
                user=user,
                email=ADMIN_EMAIL,
                defaults={"verified": True, "primary": True},
            )
            secret_file.write_text(password)
            secret_file.chmod(0o600)
        password = secret_file.read_text().strip()
        if not user.check_password(password):
            self.stdout.write(
                f"\nLocal administrator: {ADMIN_EMAIL} (password changed since)\n"
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                "\nLocal administrator — e-mail: "
                f"{ADMIN_EMAIL}  password: {password}\n"
                f"Open {settings.BASE_URL}/ "
                f"(administration: {settings.BASE_URL}/admin/)\n"
            )
        )
