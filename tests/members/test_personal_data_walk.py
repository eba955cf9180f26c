"""Every model that points at a member is accounted for: exported and erased, or
kept on purpose with a reason (`members.personal_data.KEPT`). The walk covers every
installed model (ours, Wagtail's, allauth's, actstream's, sessions…), so a new model
that points at the user breaks these tests until someone decides."""

import io
import json
import zipfile
from html import unescape

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import models
from django.test.utils import isolate_apps
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.admin.models import EditingSession, FormState
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    APIToken,
    Comment,
    CommentReply,
    Page,
    PageLogEntry,
    PageSubscription,
)
from wagtail.users.models import UserProfile

from events.models import EventSeries
from forums.models import ModerationLog
from intranet.shell import personal_data as registry
from members import selectors
from members.models import FeedToken, Profile
from members.personal_data import KEPT, erase, kept_models
from tests.factories import (
    ChecklistItemFactory,
    InstallationProjectFactory,
    NewsPageFactory,
    NoteFactory,
    NotificationFactory,
    StageChangeFactory,
    UserFactory,
    UserSessionFactory,
)
from tests.members.test_personal_data import EMAIL, person  # noqa: F401 - fixture
from tests.welcome.conftest import TEAM

IP = "198.51.100.23"
PHONE = "06 12 34 56 78"


def user_fields(model: type[models.Model]) -> list[str]:
    """The fields of `model` itself that point at a member or hold what names
    one: relations to the user, generic relations (they may point at anyone),
    e-mail and IP addresses, session keys, user ids in plain columns."""
    user_model = get_user_model()
    opts = model._meta
    found = []
    for field in [*opts.local_fields, *opts.local_many_to_many, *opts.private_fields]:
        name = field.name
        if (
            isinstance(field, GenericForeignKey)
            or (field.is_relation and field.related_model is user_model)
            or isinstance(field, models.EmailField | models.GenericIPAddressField)
            or name in {"email", "session_key", "user_id", "user_pk"}
            or name.endswith(("_email", "_user_id", "_user_pk"))
        ):
            found.append(name)
    return found


def models_pointing_at_members(
    candidates: list[type[models.Model]] | None = None,
) -> dict[str, list[str]]:
    return {
        model._meta.label: fields
        for model in candidates or apps.get_models()
        if not model._meta.proxy and (fields := user_fields(model))
    }


def unaccounted(pointing: dict[str, list[str]]) -> list[str]:
    kept = kept_models()
    return [
        f"{label} ({', '.join(fields)}): "
        + ("kept, " if label in kept else "")
        + ("exported" if label in registry.EXPORTED else "NOT exported")
        + (" and erased" if label in registry.ERASED else ", NOT erased")
        for label, fields in sorted(pointing.items())
        if label not in kept
        and not (label in registry.EXPORTED and label in registry.ERASED)
    ]


def test_every_model_pointing_at_a_member_is_exported_and_erased_or_kept():
    pointing = models_pointing_at_members()
    # The walk does reach every corner, not just our apps.
    assert {
        "members.User", "account.EmailAddress", "usersessions.UserSession",
        "sessions.Session", "actstream.Action", "actstream.Follow",
        "wagtailcore.Revision", "home.NewsPage", "welcome.StageChange",
    } <= set(pointing)  # fmt: skip
    assert unaccounted(pointing) == [], (
        "Each model must be covered by an exporter and an eraser "
        "(`covers=[…]`), or kept with its reason in members.personal_data.KEPT."
    )


def test_a_new_model_pointing_at_the_user_breaks_the_walk():
    with isolate_apps("tests"):

        class Badge(models.Model):  # noqa: DJ008
            holder = models.ForeignKey(get_user_model(), on_delete=models.CASCADE)

            class Meta:
                app_label = "tests"

        class Guestbook(models.Model):  # noqa: DJ008
            signed_by = models.EmailField()

            class Meta:
                app_label = "tests"

        pointing = models_pointing_at_members([Badge, Guestbook])
    assert pointing == {"tests.Badge": ["holder"], "tests.Guestbook": ["signed_by"]}
    assert len(unaccounted(pointing)) == 2


def test_covers_and_the_keep_list_name_only_models_that_point_at_members():
    pointing = set(models_pointing_at_members())
    for label in [*registry.EXPORTED, *registry.ERASED, *kept_models()]:
        assert label in pointing, f"{label} does not point at members (stale?)"
    for entry in KEPT:
        assert str(entry.what) and str(entry.why)


@pytest.fixture
def everything(person, committee, network_editor, django_capture_on_commit_callbacks):  # noqa: F811
    """The member of `person`, with content of every other kind as well."""
    user, client = person
    # Sessions as allauth records them at login (the client's own, from
    # force_login, went round allauth: it is found all the same).
    UserSessionFactory(user=user, ip=IP)
    UserSessionFactory(user=user, ip="203.0.113.99")
    NotificationFactory(actor=user, recipient=network_editor)
    # The newcomer programme: their own family's project (found by their
    # address), families they sponsor, steps they recorded, notes, checklists.
    InstallationProjectFactory(email=EMAIL, phone=PHONE)
    settled = InstallationProjectFactory(
        committee=committee, sponsor=user, stage="installed"
    )
    ongoing = InstallationProjectFactory(committee=committee, sponsor=user)
    StageChangeFactory(project=settled, by=user, to_stage="installed")
    NoteFactory(project=settled, author=user)
    ChecklistItemFactory(project=ongoing, owner=user, updated_by=user)
    # The site: news they wrote, and what Wagtail's admin keeps of an editor.
    news = NewsPageFactory(title="Marché de nuit", author=user, owner=user)
    news.save_revision(user=user, log_action=True)
    news.locked, news.locked_by, news.locked_at = True, user, timezone.now()
    news.save()
    PageLogEntry.objects.log_action(instance=news, action="wagtail.edit", user=user)
    PageSubscription.objects.create(page=news, user=user, comment_notifications=True)
    comment = Comment.objects.create(
        page=news, user=user, text="À relire", contentpath="intro",
        revision_created=news.latest_revision,
    )  # fmt: skip
    CommentReply.objects.create(comment=comment, user=user, text="Relu.")
    profile = UserProfile.get_for_user(user)
    profile.avatar = get_test_image_file(filename="avatar.png")
    profile.save()
    APIToken.objects.create(
        user=user, name="Export", key_hash="k" * 64, prefix="wagtail_Zq"
    )
    page_type = news.content_type
    EditingSession.objects.create(
        user=user, content_type=page_type, object_id=str(news.pk),
        last_seen_at=timezone.now(),
    )  # fmt: skip
    FormState.objects.create(
        user=user, content_type=page_type, object_id=str(news.pk),
        parent_object_id="", data="title=Quatrebarbes", last_updated_at=timezone.now(),
    )  # fmt: skip
    ModerationLog.objects.create(moderator=user, action="lock")
    EventSeries.objects.create(
        title="Afterwork mensuel", rule="monthly", created_by=user
    )
    return user, client


def secrets_of(user) -> dict[str, str]:
    """What names the member or opens their account, as stored before erasure."""
    found = {
        "e-mail": EMAIL, "first name": "Zéphyrin", "last name": "Quatrebarbes",
        "phone": Profile.objects.get(user=user).phone or PHONE,
        "feed token": FeedToken.objects.get(user=user).key,
        "API token": "k" * 64,
    }  # fmt: skip
    for number, key in enumerate(sorted(selectors.session_keys_of(user=user))):
        found[f"session key {number}"] = key
    for number, session in enumerate(user.usersession_set.all()):
        found[f"IP address {number}"] = session.ip
    return found


def text_columns():
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(
                field,
                models.CharField
                | models.TextField
                | models.JSONField
                | models.GenericIPAddressField,
            ):
                yield model, field


def rows_holding(needle: str) -> list[str]:
    found = []
    for model, field in text_columns():
        if isinstance(field, models.JSONField):
            values = model._base_manager.values_list(field.name, flat=True)
            hit = any(
                needle.lower() in json.dumps(v, ensure_ascii=False).lower()
                for v in values
            )
        else:
            lookup = {f"{field.name}__icontains": needle}
            hit = model._base_manager.filter(**lookup).exists()
        if hit:
            found.append(f"{model._meta.label}.{field.name}")
    return found


def rows_pointing_at(user) -> list[str]:
    # The account stays, nameless, with a blank profile so that pages render.
    kept = kept_models() | {"members.User", "members.Profile"}
    user_type = ContentType.objects.get_for_model(user)
    found = []
    for model in apps.get_models():
        if model._meta.label in kept or model._meta.proxy:
            continue
        opts = model._meta
        for field in [*opts.local_fields, *opts.local_many_to_many]:
            if field.is_relation and field.related_model is type(user):
                if model._base_manager.filter(**{field.name: user}).exists():
                    found.append(f"{model._meta.label}.{field.name}")
        for field in opts.private_fields:
            if (
                isinstance(field, GenericForeignKey)
                and model._base_manager.filter(
                    **{field.ct_field: user_type, field.fk_field: str(user.pk)}
                ).exists()
            ):
                found.append(f"{model._meta.label}.{field.name}")
    return found


def test_the_download_holds_the_kinds_that_were_missing(everything):
    user, client = everything
    archive = zipfile.ZipFile(
        io.BytesIO(client.get(reverse("members:data_download")).content)
    )

    def read(name):
        return json.loads(archive.read(f"{name}.json"))

    sessions = read("sessions")
    assert len(sessions) == 3  # the client's own, untracked, too
    assert {s.get("ip_address") for s in sessions} == {IP, "203.0.113.99", None}
    assert all(s["key"].endswith("••••••••") for s in sessions)
    assert "Firefox" in sessions[-1]["browser"]
    account = read("account")
    assert [a["email"] for a in account["email_addresses"]] == [EMAIL]
    key = FeedToken.objects.get(user=user).key
    assert account["feed_token"]["key"].startswith(key[:4])
    assert key not in archive.read("account.json").decode()
    caused = read("notifications")["caused"]
    assert {"what": "Quelqu'un me mentionne", "to": "Claire Dubosc"}.items() <= (
        caused[-1].items()
    )  # the member's language
    assert "network" not in json.dumps(caused)  # no one else's address
    assert "@" not in json.dumps(caused)
    accompanied = read("newcomers_accompanied")
    assert len(accompanied["sponsored_projects"]) == 2
    assert accompanied["stage_changes"][0]["to"] == "installed"
    assert read("news")[0]["title"] == "Marché de nuit"
    editing = read("site_editing")
    assert editing["review_comments"][0]["text"] == "À relire"
    assert editing["api_tokens"][0]["key"] == "wagt••••••••"
    assert {"topics_read", "categories_read"} <= read("forums").keys()


def test_erasure_leaves_nothing_outside_the_keep_list(everything, client):
    user, _client = everything
    secrets = secrets_of(user)
    assert len(secrets) >= 10  # two sessions at least, each with its IP
    news = Page.objects.get(title="Marché de nuit").specific
    erase(user)
    # Nothing anywhere, kept rows included, still names the member or opens
    # their account: kept rows keep an account number, never a name.
    leftovers = {
        what: rows for what, needle in secrets.items() if (rows := rows_holding(needle))
    }
    assert leftovers == {}
    assert not any(
        s.get_decoded().get("_auth_user_id") == str(user.pk)
        for s in Session.objects.all()
    )
    # Outside the keep-list, no row points at them any more but their account.
    assert rows_pointing_at(user) == [], rows_pointing_at(user)
    # Where pages showed them, they show « Ancien membre ».
    team = UserFactory()
    team.groups.add(Group.objects.get(name=TEAM))
    client.force_login(team)
    assert "Ancien membre" in client.get(news.url).content.decode()
    settled = user.sponsored_projects.get(stage="installed")
    html = client.get(reverse("welcome:project", args=[settled.pk])).content.decode()
    assert html.count("Ancien membre") >= 2  # the sponsor, the stage history
    # An ongoing family gets a new sponsor from its référents.
    assert not user.sponsored_projects.exclude(stage="installed").exists()


def test_the_privacy_page_lists_what_is_kept_and_why(client, db):
    html = unescape(client.get(reverse("privacy")).content.decode())
    assert "Ce qui reste après la suppression de votre compte" in html
    with translation.override("en"):
        english = {str(entry.why) for entry in KEPT}
    with translation.override("fr"):
        for entry in KEPT:
            assert f"{entry.what}." in html and str(entry.why) in html
            assert str(entry.why) not in english  # translated
