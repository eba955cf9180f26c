"""Village welcome committees: their pages, their members and roles, and what
the roles give in Wagtail (see `committees.rights`)."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import InvalidPage
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from intranet.pages import ViewRestrictionsFromCache


class CommitteePage(ViewRestrictionsFromCache, RoutablePageMixin, Page):
    """A village welcome committee: a public page for prospects and, for members,
    the committee's people and local news. Its full list of members is a sub-page
    (`membres/`), for members only."""

    class Fibre(models.TextChoices):
        AVAILABLE = "available", _("Fibre available almost everywhere")
        PARTIAL = "partial", _("Fibre in part of the commune")
        PLANNED = "planned", _("Fibre planned")
        NONE = "none", _("No fibre yet (ADSL, 4G box or satellite)")

    class Mobile(models.TextChoices):
        GOOD = "good", _("Good 4G/5G coverage")
        FAIR = "fair", _("4G in most places")
        WEAK = "weak", _("Weak mobile coverage")

    commune = models.ForeignKey(
        "communes.Commune",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="committees",
        help_text=_("The commune where the committee welcomes newcomers."),
    )
    description = RichTextField(
        _("description"),
        blank=True,
        features=["h3", "h4", "bold", "italic", "link", "ol", "ul"],
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)

    fibre = models.CharField(
        _("fibre"), max_length=20, choices=Fibre.choices, blank=True
    )
    typical_speeds = models.CharField(
        _("typical speeds"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “Fibre 1 Gb/s in the village, ADSL 8 Mb/s in the hamlets”."),
    )
    mobile_coverage = models.CharField(
        _("mobile coverage"), max_length=20, choices=Mobile.choices, blank=True
    )
    nearest_station = models.CharField(_("nearest station"), max_length=200, blank=True)
    schools = models.TextField(_("schools"), blank=True)
    childcare = models.TextField(_("childcare"), blank=True)
    doctors = models.TextField(_("doctors and health"), blank=True)
    markets = models.TextField(_("markets and shops"), blank=True)
    coworking = models.TextField(_("coworking or telecentre"), blank=True)
    sheet_checked_on = models.DateField(
        _("village sheet last checked on"), null=True, blank=True
    )

    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("schools"),
        index.SearchField("coworking"),
        index.FilterField("commune_id"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("commune"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("fibre"), FieldPanel("mobile_coverage")]),
                FieldPanel("typical_speeds"),
                FieldPanel("nearest_station"),
                FieldPanel("schools"),
                FieldPanel("childcare"),
                FieldPanel("doctors"),
                FieldPanel("markets"),
                FieldPanel("coworking"),
                FieldPanel("sheet_checked_on"),
            ],
            heading=_("Village sheet for newcomers"),
        ),
    ]

    parent_page_types = ["home.CommitteeIndexPage"]
    subpage_types = [
        "home.NewsPage",
        "home.StandardPage",
        "events.EventPage",
        "territory.WorkspacePage",
    ]

    #: Prospects see the description, the village sheet and the contact; the
    #: template shows the rest to members only.
    is_public = True

    class Meta:
        db_table = "home_committeepage"  # from when it lived in `home`
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def get_context(self, request, *args, **kwargs):
        # The committee's news, meetups, forums and feed come from the apps that
        # own them, through their template tags (see the template). What every
        # member sees alike (commune, counts, newest members) is in the cache.
        from committees import rights, selectors

        context = super().get_context(request, *args, **kwargs)
        facts = selectors.committee_facts(committee=self)
        self.commune = facts.commune  # no query for the template's commune
        context["facts"] = facts
        if request.user.is_authenticated:
            people = selectors.committee_people(
                committee=self, viewer=request.user, facts=facts
            )
            mine = people.mine
            context["people"] = people
            context["is_member"] = mine is not None
            context["can_manage"] = rights.can_manage_committee(
                user=request.user, committee=self, role=mine.role if mine else None
            )
            context["join_pending"] = mine is None and (
                selectors.has_pending_request(committee=self, user=request.user)
            )
        return context

    @path("membres/", name="members")
    def members(self, request):
        """Every member, a page at a time (members only, like the page's list)."""
        from committees import selectors

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        facts = selectors.committee_facts(committee=self)
        self.commune = facts.commune
        number = request.GET.get("page") or 1
        try:
            page_obj = selectors.committee_members_page(
                committee=self, facts=facts, number=number
            )
        except InvalidPage:
            page_obj = None
        context = Page.get_context(self, request)  # not the page's own lists
        context.update(facts=facts, page_obj=page_obj, asked=str(number)[:12])
        return TemplateResponse(
            request,
            "committees/committee_members.html",
            context,
            status=200 if page_obj is not None else 404,
        )

    @property
    def village_sheet(self) -> list[tuple[str, str]]:
        """The filled lines of the village sheet, as (label, text) pairs."""
        fields = [
            "typical_speeds",
            "nearest_station",
            "schools",
            "childcare",
            "doctors",
            "markets",
            "coworking",
        ]
        lines = []
        if self.fibre:
            lines.append((_("Broadband"), self.get_fibre_display()))
        if self.mobile_coverage:
            lines.append((_("Mobile"), self.get_mobile_coverage_display()))
        for name in fields:
            value = getattr(self, name)
            if value:
                lines.append((self._meta.get_field(name).verbose_name, value))
        return lines


class CommitteeAccess(models.Model):
    """What `committees.rights.committee_setup` made for a committee's rights in
    Wagtail."""

    committee = models.OneToOneField(
        CommitteePage, on_delete=models.CASCADE, related_name="access"
    )
    editors = models.OneToOneField(
        "auth.Group", on_delete=models.CASCADE, related_name="+"
    )
    referents = models.OneToOneField(
        "auth.Group", on_delete=models.CASCADE, related_name="+"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.PROTECT, related_name="+"
    )
    workflow = models.OneToOneField(
        "wagtailcore.Workflow", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        db_table = "home_committeeaccess"  # from when it lived in `home`
        verbose_name = _("committee access")
        verbose_name_plural = _("committee accesses")

    def __str__(self) -> str:
        return str(self.committee)


class CommitteeMembership(models.Model):
    """A member's place in a village committee: the one source of truth for roles."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        VOLUNTEER = "volunteer", _("Volunteer")
        ELECTED = "elected", _("Elected official")
        REFERENT = "referent", _("Referent")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="committee_memberships",
    )
    committee = models.ForeignKey(
        "committees.CommitteePage", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.MEMBER
    )
    is_editor = models.BooleanField(
        _("editor"),
        default=False,
        help_text=_("May write the committee's pages in the administration."),
    )
    joined_at = models.DateTimeField(_("joined on"), default=timezone.now)

    class Meta:
        db_table = "members_committeemembership"  # from when it lived in `members`
        verbose_name = _("committee membership")
        verbose_name_plural = _("committee memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "committee"],
                name="members_one_membership_per_committee",
            )
        ]
        # The name it got when memberships lived in `members`.
        indexes = [
            models.Index(
                fields=["committee", "role"], name="members_com_committ_247e8b_idx"
            ),
            # The committee page: its newest members, and its board (the partial
            # index holds only the few rows of référents, officials, volunteers
            # and editors; `committees.selectors.BOARD` is the same condition).
            models.Index(
                fields=["committee", "-joined_at"], name="committees_newest_idx"
            ),
            models.Index(
                fields=["committee"],
                condition=models.Q(role__in=["referent", "elected", "volunteer"])
                | models.Q(is_editor=True),
                name="committees_board_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.committee} ({self.get_role_display()})"


class JoinRequest(models.Model):
    """A member asks to join a committee; one of its référents decides."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests"
    )
    committee = models.ForeignKey(
        "committees.CommitteePage",
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    message = models.TextField(_("message"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("sent on"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "members_joinrequest"  # from when it lived in `members`
        ordering = ["created_at"]
        verbose_name = _("request to join")
        verbose_name_plural = _("requests to join")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "committee"],
                condition=models.Q(status="pending"),
                name="members_one_pending_join_request",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.committee}"
