import random

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from activity import demo as activity_demo
from chat import demo as chat_demo
from committees import rights
from committees.models import CommitteePage
from events import demo as events_demo
from forums import demo as forums_demo
from home import demo as home_demo
from home import services as home_services
from home.models import NewsPage
from intranet import ratelimit
from members import demo as members_demo
from members.models import User
from missions import demo as missions_demo
from mutualaid import demo as mutualaid_demo
from territory import demo as territory_demo
from welcome import demo as welcome_demo


class Command(BaseCommand):
    help = (
        "Build the demo network from the Gers communes: committees, members, roles. "
        "Deterministic and idempotent: running it again adds only what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--members", type=int, default=280)
        parser.add_argument("--committees", type=int, default=50)
        parser.add_argument("--seed", type=int, default=32, help="random seed")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing when the network already has committees",
        )

    def handle(self, *args, members, committees, seed, if_empty, **options):
        if if_empty and CommitteePage.objects.exists():
            self.stdout.write("The network already exists; nothing seeded.")
            return
        if not 1 <= committees <= 400 or not committees <= members <= 100_000:
            self.stderr.write(
                "Give between 1 and 400 committees and at least one member each."
            )
            raise SystemExit(2)
        # The services the seed goes through notify members: no e-mail leaves,
        # and nothing is pushed to open sockets (there is no channel layer).
        quiet = override_settings(
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
            CHANNEL_LAYERS={},
        )
        with quiet, ratelimit.suspended(), transaction.atomic():
            pages = home_demo.seed_committees(committees, random.Random(seed))
            editors = members_demo.seed_network_editors(
                make_password(members_demo.DEMO_PASSWORD)
            )
            people = members_demo.seed_members(members, pages, seed)
            members_demo.assign_roles(pages)
            for page in pages:
                rights.committee_setup(page)
            for user in User.objects.filter(
                committee_memberships__isnull=False
            ).distinct():
                rights.user_sync_groups(user)
            home_demo.seed_village_sheets(pages, seed)
            home_demo.seed_editorial(pages, editors, seed)
            members_demo.seed_follows(people, pages, seed)
            activity_demo.seed_feed(
                people,
                pages,
                seed,
                news=NewsPage.objects.live().select_related("author"),
                announce=home_services.news_announce,
            )
            forums_demo.seed_forums(people, pages, seed, moderator=editors[0])
            events_demo.seed_events(people, pages, seed, editors)
            chat_demo.seed_chat(people, pages, seed, editors)
            welcome_demo.seed_welcome(people, pages, seed, editors)
            territory_demo.seed_broadband(pages, seed)
            territory_demo.seed_workspaces(pages, seed)
            missions_demo.seed_missions(people, seed)
            mutualaid_demo.seed_help(people, seed)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo network: {len(pages)} committees, {len(people)} members. "
                f"Every demo member logs in with the password "
                f"'{members_demo.DEMO_PASSWORD}'."
            )
        )
