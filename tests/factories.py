import secrets
from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone
from factory.django import DjangoModelFactory

from committees import rights
from committees.models import CommitteeMembership, CommitteePage
from communes.models import Commune
from events.models import EventIndexPage, EventPage
from home.models import CommitteeIndexPage, HomePage
from members.models import FeedToken, Invitation, Profile, User, hash_token

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


def committee_index() -> CommitteeIndexPage:
    home = HomePage.objects.get()
    index = CommitteeIndexPage.objects.child_of(home).first()
    return index or home.add_child(
        instance=CommitteeIndexPage(title="Comités", slug="comites")
    )


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
