from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from members import selectors


class HomePage(Page):
    """The site root: the member's home page."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few words of welcome shown at the top of the home page."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.CommitteeIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        context["my_memberships"] = selectors.memberships_of(user=user)
        context["can_invite"] = selectors.can_invite_somewhere(user=user)
        context["committee_index"] = (
            CommitteeIndexPage.objects.child_of(self).live().first()
        )
        return context


class CommitteeIndexPage(Page):
    """The list of the network's village committees."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.CommitteePage"]

    class Meta:
        verbose_name = _("committee index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["committees"] = (
            CommitteePage.objects.child_of(self)
            .live()
            .select_related("commune")
            .annotate(member_count=models.Count("memberships"))
            .order_by("title")
        )
        return context


class CommitteePage(Page):
    """A village welcome committee, tied to the commune it welcomes newcomers to."""

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
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("commune"),
        FieldPanel("description"),
        FieldPanel("contact_email"),
    ]

    parent_page_types = ["home.CommitteeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["memberships"] = selectors.committee_members(committee=self)
        return context
