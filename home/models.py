from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from committees.models import CommitteePage
from committees.selectors import live_committees
from communes.maps import MapPoint
from home.blocks import BodyBlock
from intranet.pages import ViewRestrictionsFromCache
from intranet.shell import dashboard

NEWS_PER_PAGE = 12


class HomePage(ViewRestrictionsFromCache, Page):
    """The site root: the member's dashboard."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few words of welcome shown at the top of the home page."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.CommitteeIndexPage",
        "home.NewsIndexPage",
        "home.StandardPage",
        "events.EventIndexPage",
        "territory.WorkspaceIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["panels"] = dashboard.render_context(request)
        return context


class StandardPage(ViewRestrictionsFromCache, Page):
    """An editorial page: about the programme, the charter, practical guides."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = [
        "home.HomePage",
        "home.StandardPage",
        "committees.CommitteePage",
    ]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class NewsIndexPage(ViewRestrictionsFromCache, Page):
    """The network's news, paginated and filterable by tag and by committee."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        from home import selectors as home_selectors

        context = super().get_context(request, *args, **kwargs)
        tag = request.GET.get("tag", "").strip()[:100]
        committee = (
            CommitteePage.objects.live()
            .filter(slug=request.GET.get("comite", "")[:100])
            .first()
        )
        news = home_selectors.news_list(tag=tag, committee=committee)
        page_obj = Paginator(news, NEWS_PER_PAGE).get_page(request.GET.get("page"))
        page_obj.object_list = home_selectors.attach_committees(
            news=page_obj.object_list
        )
        context["page_obj"] = page_obj
        context["tag"] = tag
        context["committee"] = committee
        context["tags"] = home_selectors.news_tags()
        context["committees"] = live_committees()
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(ViewRestrictionsFromCache, Page):
    """A piece of news: network-wide under the news index, local under a committee."""

    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(
        _("introduction"),
        max_length=400,
        help_text=_("One or two sentences shown in lists and feeds."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_alt = models.CharField(
        _("alternative text of the main image"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
        help_text=_("The member shown as the author."),
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tags"), through=NewsPageTag, blank=True
    )

    # Set by selectors (not columns: Django ignores bare annotations): the parent
    # page's id by the lists' query, the committee by attach_committees.
    parent_id: int | None
    committee: CommitteePage | None

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("main_image"), FieldPanel("main_image_alt")],
            heading=_("Main image"),
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]

    parent_page_types = ["home.NewsIndexPage", "committees.CommitteePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news")
        verbose_name_plural = _("news")
        ordering = ["-date"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_index"] = NewsIndexPage.objects.live().first()
        return context

    def clean(self):
        super().clean()
        if self.main_image_id and not self.main_image_alt.strip():
            raise ValidationError(
                {
                    "main_image_alt": _(
                        "Describe the main image for people who cannot see it."
                    )
                }
            )


class CommitteeIndexPage(ViewRestrictionsFromCache, Page):
    """The network's committees; an index can also group them by "pays"."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage", "home.CommitteeIndexPage"]
    subpage_types = ["committees.CommitteePage", "home.CommitteeIndexPage"]

    #: Prospects may read it without an account.
    is_public = True

    class Meta:
        verbose_name = _("committee index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["committees"] = (
            CommitteePage.objects.descendant_of(self)
            .live()
            .select_related("commune")
            .annotate(member_count=models.Count("memberships"))
            .order_by("commune__name")
        )
        context["groups"] = CommitteeIndexPage.objects.child_of(self).live()
        context["map_points"] = [
            MapPoint(committee.commune, committee.title, committee.get_url(request))
            for committee in context["committees"]
        ]
        return context
