"""The newcomer pipeline: a family's installation project, from its first contact
to a settled life, with its household, its moves between stages, the programme
team's private notes and the checklist its sponsor works through."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intranet.links import reverse


class Stage(models.TextChoices):
    RECEIVED = "received", _("Received")
    QUALIFIED = "qualified", _("Qualified")
    ROUTED = "routed", _("Routed to a committee")
    VISIT = "visit", _("Visit")
    INSTALLED = "installed", _("Installed")
    INTEGRATED = "integrated", _("Integrated")
    ABANDONED = "abandoned", _("Abandoned")
    DEPARTED = "departed", _("Left again")


#: The stages of a project that goes well, in order.
PIPELINE = [
    Stage.RECEIVED,
    Stage.QUALIFIED,
    Stage.ROUTED,
    Stage.VISIT,
    Stage.INSTALLED,
    Stage.INTEGRATED,
]
SETTLED = [Stage.INSTALLED, Stage.INTEGRATED]
CLOSED = [Stage.ABANDONED, Stage.DEPARTED]


class WorkMode(models.TextChoices):
    EMPLOYEE = "employee", _("Employed teleworker")
    FREELANCE = "freelance", _("Freelancer")
    CREATION = "creation", _("Starting a business")
    TAKEOVER = "takeover", _("Taking over a business")
    OTHER = "other", _("Other situation")


class SchoolLevel(models.TextChoices):
    NURSERY = "nursery", _("Crèche or childminder (under 3)")
    PRESCHOOL = "preschool", _("École maternelle (3–5)")
    PRIMARY = "primary", _("École élémentaire (6–10)")
    MIDDLE = "middle", _("Collège (11–14)")
    HIGH = "high", _("Lycée (15–17)")
    HIGHER = "higher", _("Higher education or older")


class Timeline(models.TextChoices):
    SOON = "3m", _("Within three months")
    HALF_YEAR = "6m", _("In three to six months")
    YEAR = "12m", _("In six to twelve months")
    LATER = "later", _("In more than a year")
    UNSURE = "unsure", _("We do not know yet")


class Tenure(models.TextChoices):
    RENT = "rent", _("Rent")
    BUY = "buy", _("Buy")
    UNSURE = "unsure", _("Not decided yet")


class HousingType(models.TextChoices):
    HOUSE = "house", _("A house")
    VILLAGE_HOUSE = "village", _("A village house")
    FLAT = "flat", _("A flat")
    FARMHOUSE = "farm", _("A farmhouse with land")
    ANY = "any", _("No preference")


class Broadband(models.TextChoices):
    BASIC = "basic", _("E-mail and occasional video calls")
    VIDEO = "video", _("Video calls all day")
    HEAVY = "heavy", _("Large uploads or hosting: fibre needed")


class InstallationProject(models.Model):
    """A family's plan to come and live in the Gers. Its personal data is seen by the
    programme team, the référents of its committee and its sponsor only."""

    stage = models.CharField(
        _("stage"), max_length=12, choices=Stage.choices, default=Stage.RECEIVED
    )
    stage_changed_at = models.DateTimeField(_("stage changed on"), default=timezone.now)
    closed_reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("received on"), default=timezone.now)
    committee = models.ForeignKey(
        "committees.CommitteePage",
        verbose_name=_("committee"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="installation_projects",
    )
    sponsor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sponsor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sponsored_projects",
    )
    # What the family wrote.
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    current_location = models.CharField(_("where you live now"), max_length=120)
    area_committees = models.ManyToManyField(
        "committees.CommitteePage",
        verbose_name=_("committees considered"),
        blank=True,
        related_name="+",
    )
    area_communes = models.ManyToManyField(
        "communes.Commune",
        verbose_name=_("communes considered"),
        blank=True,
        related_name="+",
    )
    timeline = models.CharField(_("when"), max_length=8, choices=Timeline.choices)
    tenure = models.CharField(_("rent or buy"), max_length=8, choices=Tenure.choices)
    housing_type = models.CharField(
        _("type of housing"), max_length=8, choices=HousingType.choices
    )
    broadband = models.CharField(
        _("broadband needs"), max_length=8, choices=Broadband.choices
    )
    questions = models.TextField(_("your questions"), max_length=3000, blank=True)
    language = models.CharField(
        _("language"), max_length=8, default=settings.LANGUAGE_CODE
    )
    consent_at = models.DateTimeField(_("consent given on"))
    # The family's link: bumping the version makes every link sent so far stop.
    link_version = models.PositiveIntegerField(default=1)
    # The family's voice in its conversation: an account that cannot log in.
    prospect = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="installation_project",
    )
    conversation = models.OneToOneField(
        "chat.Room",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="installation_project",
    )
    prospect_emailed_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised on"), null=True, blank=True)
    # The adults, already loaded (`welcome.selectors.attach_adults`): no column.
    _adults: list["Person"]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("installation project")
        verbose_name_plural = _("installation projects")
        permissions = [("manage_projects", _("Can run the newcomer programme"))]
        indexes = [
            models.Index(fields=["stage", "stage_changed_at"]),
            models.Index(fields=["created_at"]),
        ]

    def __str__(self) -> str:
        return str(_("Project #%(number)d, %(name)s")) % {
            "number": self.pk or 0,
            "name": self.family_name,
        }

    def get_absolute_url(self) -> str:
        return reverse("welcome:project", args=[self.pk])

    @property
    def family_name(self) -> str:
        adults = getattr(self, "_adults", None)
        if adults is None:
            adults = [p for p in self.people.all() if p.is_adult]
        names = {adult.last_name for adult in adults if adult.last_name}
        if not names:
            return str(_("anonymous family"))
        return str(_("%(names)s family")) % {"names": " – ".join(sorted(names))}

    @property
    def is_closed(self) -> bool:
        return self.stage in CLOSED

    @property
    def step(self) -> int:
        """Where the project is along the pipeline (closed ones: where they were)."""
        if self.stage in PIPELINE:
            return PIPELINE.index(self.stage)
        return -1


class Person(models.Model):
    """Someone in the household: an adult (who may become a member) or a child."""

    project = models.ForeignKey(
        InstallationProject, on_delete=models.CASCADE, related_name="people"
    )
    is_adult = models.BooleanField(default=True)
    first_name = models.CharField(_("first name"), max_length=80, blank=True)
    last_name = models.CharField(_("last name"), max_length=80, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    profession = models.CharField(_("profession"), max_length=120, blank=True)
    work_mode = models.CharField(
        _("work"), max_length=10, choices=WorkMode.choices, blank=True
    )
    school_level = models.CharField(
        _("school level"), max_length=10, choices=SchoolLevel.choices, blank=True
    )
    position = models.PositiveSmallIntegerField(default=0)
    invitation = models.ForeignKey(
        "members.Invitation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-is_adult", "position", "pk"]
        verbose_name = _("household member")
        verbose_name_plural = _("household members")

    def __str__(self) -> str:
        if self.is_adult:
            return f"{self.first_name} {self.last_name}".strip()
        return self.first_name or str(self.get_school_level_display())


class StageChange(models.Model):
    """A move of a project: who moved it where, when, and why (for closures)."""

    project = models.ForeignKey(
        InstallationProject, on_delete=models.CASCADE, related_name="changes"
    )
    from_stage = models.CharField(max_length=12, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=12, choices=Stage.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["to_stage", "at"])]

    def __str__(self) -> str:
        return f"{self.project_id}: {self.from_stage} → {self.to_stage}"


class Note(models.Model):
    """A private note of the programme team about a project (qualification…)."""

    project = models.ForeignKey(
        InstallationProject, on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("note"), max_length=3000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.body[:40]


class ChecklistTemplateItem(models.Model):
    """One step every family goes through; the team edits the list in the admin.
    Each project routed to a committee gets a copy of the list as it is then."""

    title = models.CharField(_("title"), max_length=120)
    description = models.CharField(_("description"), max_length=300, blank=True)
    due_days = models.PositiveSmallIntegerField(
        _("due after (days)"),
        default=30,
        help_text=_("Days after the project is routed to its committee."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("checklist step")
        verbose_name_plural = _("newcomer checklist")

    def __str__(self) -> str:
        return self.title


class ChecklistItem(models.Model):
    class Status(models.TextChoices):
        TODO = "todo", _("To do")
        DOING = "doing", _("In progress")
        DONE = "done", _("Done")
        SKIPPED = "skipped", _("Not needed")

    project = models.ForeignKey(
        InstallationProject, on_delete=models.CASCADE, related_name="checklist"
    )
    title = models.CharField(_("title"), max_length=120)
    description = models.CharField(_("description"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.TODO
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="checklist_items",
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The day its people were told it is overdue (told once per lateness).
    overdue_told_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.TODO, self.Status.DOING)

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.is_open and self.due_on is not None and self.due_on < today
