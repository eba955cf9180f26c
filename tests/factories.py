import secrets
from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from factory.django import DjangoModelFactory

from activity.models import Notification
from committees import rights
from committees.models import CommitteeMembership, CommitteePage
from communes.models import Commune
from events.models import EventIndexPage, EventPage
from home.models import CommitteeIndexPage, HomePage, NewsIndexPage, NewsPage
from members.models import FeedToken, Invitation, Profile, User, hash_token
from welcome.models import (
    ChecklistItem,
    InstallationProject,
    Note,
    Person,
    StageChange,
)

PASSWORD = "un-mot-de-passe-solide"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"membre{n}@example.org")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def profile(obj, create, extracted, **kwargs):
        if create:
            Profile.objects.create(user=obj, **kwargs)
            EmailAddress.objects.create(
                user=obj, email=obj.email, verified=True, primary=True
            )
            FeedToken.objects.create(user=obj, key=secrets.token_urlsafe(32))


def _index_page(model, title: str, slug: str):
    """The home page's index of this type, created when there is none yet."""
    home = HomePage.objects.get()
    index = model.objects.child_of(home).first()
    return index or home.add_child(instance=model(title=title, slug=slug))


def committee_index() -> CommitteeIndexPage:
    return _index_page(CommitteeIndexPage, "Comités", "comites")


class CommitteePageFactory(factory.Factory):
    """Wagtail pages are created under their parent, so this builds then adds."""

    class Meta:
        model = CommitteePage

    title = factory.Sequence(lambda n: f"Comité n°{n}")
    slug = factory.Sequence(lambda n: f"comite-{n}")
    commune = factory.LazyFunction(lambda: Commune.objects.get(name="Auch"))
    description = "<p>Un comité d'accueil.</p>"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        page = committee_index().add_child(instance=model_class(**kwargs))
        rights.committee_setup(page)  # as the admin's after_create_page hook does
        return page


class CommitteeMembershipFactory(DjangoModelFactory):
    class Meta:
        model = CommitteeMembership

    user = factory.SubFactory(UserFactory)
    committee = factory.SubFactory(CommitteePageFactory)
    role = CommitteeMembership.Role.MEMBER


class InvitationFactory(DjangoModelFactory):
    """An invitation whose clear token is kept on the instance as `.token`."""

    class Meta:
        model = Invitation

    token = factory.LazyFunction(Invitation.new_token)
    email = factory.Sequence(lambda n: f"invite{n}@example.org")
    token_hash = factory.LazyAttribute(lambda o: hash_token(o.token))
    inviter = factory.SubFactory(UserFactory)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        token = kwargs.pop("token", None)
        instance = super()._create(model_class, *args, **kwargs)
        instance.token = token
        return instance


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = "forums.Category"

    name = factory.Sequence(lambda n: f"Entraide {n}")
    slug = factory.Sequence(lambda n: f"entraide-{n}")


def agenda() -> EventIndexPage:
    home = HomePage.objects.get()
    index = EventIndexPage.objects.child_of(home).first()
    return index or home.add_child(
        instance=EventIndexPage(title="Agenda", slug="agenda")
    )


class EventPageFactory(factory.Factory):
    """A published meetup in a week, under the agenda or under `parent`."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Afterwork n°{n}")
    slug = factory.Sequence(lambda n: f"afterwork-{n}")
    start = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=7)).replace(
            hour=17, minute=0, second=0, microsecond=0
        )
    )
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=3))
    venue_name = "Café de la Mairie"
    address = "2 place de la Libération"
    commune = factory.LazyFunction(lambda: Commune.objects.get(name="Auch"))
    description = "<p>Un verre entre télétravailleurs.</p>"

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        return (parent or agenda()).add_child(instance=model_class(**kwargs))


def _session_key_for(user: User) -> str:
    """A stored session of `user`, as Django's login leaves it."""
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    return session.session_key


class UserSessionFactory(DjangoModelFactory):
    """A session of the member's, as allauth's middleware records it, with the
    Django session it follows."""

    class Meta:
        model = UserSession

    user = factory.SubFactory(UserFactory)
    session_key = factory.LazyAttribute(lambda o: _session_key_for(o.user))
    ip = factory.Sequence(lambda n: f"203.0.113.{n % 250 + 1}")
    user_agent = (
        "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
    )
    last_seen_at = factory.LazyFunction(timezone.now)


class NotificationFactory(DjangoModelFactory):
    """A notification `actor` caused for `recipient`."""

    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    actor = factory.SubFactory(UserFactory)
    kind = "mention"
    text = factory.LazyAttribute(lambda o: f"{o.actor} vous a mentionné.")
    url = "/"


def news_index() -> NewsIndexPage:
    return _index_page(NewsIndexPage, "Actualités", "actualites")


class NewsPageFactory(factory.Factory):
    """A published piece of news under the news index, or under `parent`."""

    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Nouvelle n°{n}")
    slug = factory.Sequence(lambda n: f"nouvelle-{n}")
    intro = "Une nouvelle du réseau."

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        return (parent or news_index()).add_child(instance=model_class(**kwargs))


class InstallationProjectFactory(DjangoModelFactory):
    """A family's project with one adult (`people` builds more)."""

    class Meta:
        model = InstallationProject
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"famille{n}@example.net")
    current_location = "Lyon, France"
    timeline = "6m"
    tenure = "rent"
    housing_type = "village"
    broadband = "video"
    consent_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def people(obj, create, extracted, **kwargs):
        if create and extracted is None:
            Person.objects.create(
                project=obj, is_adult=True, first_name="Léa", last_name="Martin",
                email=obj.email, profession="Traductrice", work_mode="freelance",
            )  # fmt: skip


class StageChangeFactory(DjangoModelFactory):
    class Meta:
        model = StageChange

    project = factory.SubFactory(InstallationProjectFactory)
    from_stage = "received"
    to_stage = "qualified"
    by = factory.SubFactory(UserFactory)


class NoteFactory(DjangoModelFactory):
    class Meta:
        model = Note

    project = factory.SubFactory(InstallationProjectFactory)
    author = factory.SubFactory(UserFactory)
    body = "Famille rencontrée, projet solide."


class ChecklistItemFactory(DjangoModelFactory):
    class Meta:
        model = ChecklistItem

    project = factory.SubFactory(InstallationProjectFactory)
    title = "Visiter l'école"
    owner = factory.SubFactory(UserFactory)
