"""Receivers for events we do not own (allauth's); each only calls a service."""

from allauth.account.signals import password_changed, password_reset, password_set
from django.dispatch import receiver

from members import services
from members.models import FeedToken


@receiver([password_changed, password_reset, password_set])
def renew_feed_addresses(sender, request, user, **kwargs):
    # A new password closes every way in, the private feed addresses included.
    if FeedToken.objects.filter(user=user).exists():
        services.feed_token_renew(user=user)
