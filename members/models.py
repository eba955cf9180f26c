import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import ItemBase, TagBase

from intranet.fulltext import StoredFold, StoredVector


class UserManager(DjangoUserManager):
    """Users are identified by their e-mail address, stored in lower case."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A member of the network, who logs in with their e-mail address."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        permissions = [("moderate", _("Can moderate what members write"))]
        indexes = [
            # The directory's two orders, walked a page at a time.
            models.Index(
                fields=["last_name", "first_name"], name="members_user_by_name"
            ),
            models.Index(fields=["-date_joined"], name="members_user_newest"),
        ]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="members_user_email_ci_unique")
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def clean(self):
        super().clean()
        self.email = self.email.lower()

    @property
    def initials(self) -> str:
        parts = [self.first_name[:1], self.last_name[:1]]
        return "".join(parts).upper() or self.email[:1].upper()


class Skill(TagBase):
    """A skill a member offers (kept apart from the editorial tags of news)."""

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")


class TaggedSkill(ItemBase):
    tag = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="items")
    content_object = models.ForeignKey(
        "members.Profile", on_delete=models.CASCADE, related_name="tagged_skills"
    )


def profile_photo_path(profile: "Profile", filename: str) -> str:
    # A random name: the address of a photo says nothing about its owner.
    return f"profiles/{secrets.token_urlsafe(12)}-{filename}"


LANGUAGE_CHOICES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("pt", _("Portuguese")),
    ("nl", _("Dutch")),
    ("oc", _("Occitan")),
    ("ar", _("Arabic")),
    ("zh", _("Chinese")),
]


class Visibility(models.TextChoices):
    MEMBERS = "members", _("All members")
    COMMITTEES = "committees", _("Members of my committees")
    NOBODY = "nobody", _("Nobody")


class Profile(models.Model):
    """What a member tells the network about themselves."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("How you like to be called, if not your first and last name."),
    )
    headline = models.CharField(
        _("headline"),
        max_length=160,
        blank=True,
        help_text=_("One line: what you do, e.g. “Freelance translator, EN/DE”."),
    )
    profession = models.CharField(_("profession"), max_length=120, blank=True)
    bio = models.TextField(
        _("about me"),
        max_length=5000,
        blank=True,
        help_text=_("Markdown: **bold**, *italic*, [link](https://…), lists."),
    )
    skills = TaggableManager(verbose_name=_("skills"), through=TaggedSkill, blank=True)
    commune = models.ForeignKey(
        "communes.Commune",
        verbose_name=_("commune"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="profiles",
    )
    arrival_year = models.PositiveSmallIntegerField(
        _("year of arrival in the Gers"), null=True, blank=True
    )
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True, max_length=300)
    linkedin = models.URLField(_("LinkedIn"), blank=True, max_length=300)
    other_link = models.URLField(
        _("other link"),
        blank=True,
        max_length=300,
        help_text=_("Mastodon, portfolio, GitHub…"),
    )
    open_to_collaborate = models.BooleanField(_("open to collaborate"), default=False)
    helps_newcomers = models.BooleanField(_("happy to help newcomers"), default=False)
    photo = models.ImageField(
        _("photo"), upload_to=profile_photo_path, blank=True, editable=False
    )
    photo_thumbnail = models.ImageField(
        upload_to=profile_photo_path, blank=True, editable=False
    )
    email_visibility = models.CharField(
        _("who sees my e-mail address"),
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.COMMITTEES,
    )
    phone_visibility = models.CharField(
        _("who sees my phone number"),
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.NOBODY,
    )
    commune_visibility = models.CharField(
        _("who sees my commune"),
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)
    # The dashboard's « first steps » checklist, put away by the member.
    first_steps_dismissed_at = models.DateTimeField(null=True, blank=True)
    # The texts the directory searches, folded once when written (PostgreSQL,
    # with a trigram index: migration 0017); NULL on SQLite.
    folded = models.GeneratedField(
        expression=StoredFold("display_name", "headline", "profession", "bio"),
        output_field=models.TextField(null=True),
        db_persist=True,
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return str(self.user)

    @property
    def name(self) -> str:
        return self.display_name or self.user.get_full_name() or self.user.email

    def get_language_names(self) -> list[str]:
        names = dict(LANGUAGE_CHOICES)
        return [str(names[code]) for code in self.languages if code in names]


class OfferNeed(models.Model):
    """One thing a member offers or looks for, a line of their profile: what the
    help matching (`mutualaid`) reads, by its words and by its skill."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("What I offer")
        NEED = "need", _("What I am looking for")

    MAX_PER_KIND = 8

    profile = models.ForeignKey(
        Profile, on_delete=models.CASCADE, related_name="offers_needs"
    )
    kind = models.CharField(_("kind"), max_length=6, choices=Kind.choices)
    text = models.CharField(_("text"), max_length=160)
    skill = models.ForeignKey(
        Skill,
        verbose_name=_("skill"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offers_needs",
    )
    position = models.PositiveSmallIntegerField(default=0)
    # The text for the matching (GIN index on PostgreSQL; NULL on SQLite).
    search_vector = models.GeneratedField(
        expression=StoredVector("text"),
        output_field=SearchVectorField(null=True),
        db_persist=True,
    )

    class Meta:
        ordering = ["profile", "kind", "position", "pk"]
        verbose_name = _("offer or need")
        verbose_name_plural = _("offers and needs")
        indexes = [
            models.Index(fields=["kind", "skill"], name="members_offerneed_skill")
        ]

    def __str__(self) -> str:
        return self.text


class FeedToken(models.Model):
    """The secret in a member's private feed URLs (news, later calendars)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_token"
    )
    key = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("feed token")
        verbose_name_plural = _("feed tokens")

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%Y-%m-%d})"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )


class Invitation(models.Model):
    """An e-mail address invited to join; the token itself is only ever e-mailed."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")

    email = models.EmailField(_("e-mail address"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    inviter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="invitations_sent",
    )
    committee = models.ForeignKey(
        "committees.CommitteePage",
        verbose_name=_("committee"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
    )
    message = models.TextField(_("personal message"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("sent on"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires on"))
    accepted_at = models.DateTimeField(_("accepted on"), null=True, blank=True)
    accepted_by = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitation_accepted",
    )
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [models.Index(fields=["email"])]

    def __str__(self) -> str:
        return self.email

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)

    @property
    def status(self) -> str:
        if self.accepted_at:
            return self.Status.ACCEPTED
        if self.revoked_at:
            return self.Status.REVOKED
        if self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.Status.PENDING

    def get_status_display(self) -> str:
        return self.Status(self.status).label
