"""Print a new VAPID key pair for Web Push, as lines for the environment file."""

import base64

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.core.management.base import BaseCommand


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def new_pair() -> tuple[str, str]:
    """(public, private): the P-256 public point browsers take as
    `applicationServerKey`, and the private number, both base64url."""
    key = ec.generate_private_key(ec.SECP256R1())
    public = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return _b64(public), _b64(key.private_numbers().private_value.to_bytes(32, "big"))


class Command(BaseCommand):
    help = "Print a new VAPID key pair (Web Push) as lines for .env."

    def handle(self, *args, **options) -> None:
        public, private = new_pair()
        self.stdout.write(f"DJANGO_VAPID_PUBLIC_KEY={public}")
        self.stdout.write(f"DJANGO_VAPID_PRIVATE_KEY={private}")
