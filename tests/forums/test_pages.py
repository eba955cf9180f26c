from html.parser import HTMLParser

import pytest
from django.urls import reverse

from forums import services
from forums.models import Post
from tests.factories import CategoryFactory, UserFactory

# Each payload must come out as text, never as markup or a script.
XSS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>", "<iframe src=javascript:alert(1)>",
    "<body onload=alert(1)>", "<a href=javascript:alert(1)>x</a>",
    "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](vbscript:msgbox(1))",
    "![x](https://evil.example/x.png)", "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>", "<video><source onerror=alert(1)>",
    "<math><mi xlink:href=javascript:alert(1)>x", "<style>*{x:expression(alert(1))}</style>",
    "<object data=javascript:alert(1)>", "<embed src=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>x", "<isindex action=javascript:alert(1)>",
    "\"><script>alert(1)</script>", "'><img src=x onerror=alert(1)>",
    "<scr<script>ipt>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=\"x\" onerror=\"alert(1)\">", "<div style=\"background:url(javascript:alert(1))\">",
    "<a href=\"&#106;avascript:alert(1)\">x</a>", "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "[x](&#106;avascript:alert(1))", "<marquee onstart=alert(1)>",
    "<table background=javascript:alert(1)>", "<meta http-equiv=refresh content=0;url=javascript:alert(1)>",
    "<link rel=stylesheet href=javascript:alert(1)>", "<base href=javascript:alert(1)//>",
    "<textarea onfocus=alert(1) autofocus>", "<select onfocus=alert(1) autofocus>",
    "<keygen autofocus onfocus=alert(1)>", "<audio src=x onerror=alert(1)>",
    "<body background=javascript:alert(1)>", "<img dynsrc=javascript:alert(1)>",
    "<img lowsrc=javascript:alert(1)>", "<bgsound src=javascript:alert(1)>",
    "<br size=\"&{alert(1)}\">", "<layer src=javascript:alert(1)>",
    "<xss onpointerover=alert(1)>x</xss>", "<a onmouseover=alert(1)>x</a>",
    "{{ 7*7 }}<script>alert(1)</script>", "{% debug %}<img src=x onerror=alert(1)>",
    "javascript:alert(1)", "<svg><script>alert(1)</script></svg>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
]  # fmt: skip


class _Markup(HTMLParser):
    """Collects what a browser would run from the page: event handlers, scripts
    from elsewhere than our static files, dangerous URLs and embedding tags."""

    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in {"iframe", "object", "embed", "base", "meta", "style"} and (
            tag != "meta" or any(name == "http-equiv" for name, _v in attrs)
        ):
            self.problems.append(tag)
        for name, value in attrs:
            value = "".join((value or "").split()).lower()
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}")
            if name in {"href", "src", "action", "data", "background"} and (
                value.startswith(("javascript:", "data:", "vbscript:", "//"))
                or (tag in {"img", "script"} and not value.startswith("/"))
            ):
                self.problems.append(f"{tag} {name}={value}")
        if tag == "script" and not dict(attrs).get("src", "").startswith("/static/"):
            self.problems.append("inline script")


def _harmless(html: str) -> None:
    parser = _Markup()
    parser.feed(html)
    assert parser.problems == []


def test_fifty_xss_payloads_are_harmless_everywhere(client_member, member):
    assert len(XSS) >= 50
    category = CategoryFactory()
    topics = [
        services.topic_create(author=member, category=category, title=p[:200], body=p)
        for p in XSS[:9]
    ]
    other = UserFactory()
    for n, payload in enumerate(XSS):
        topic = topics[n % len(topics)]
        Post.objects.create(topic=topic, author=other, body=payload)
    for topic in topics:
        services.recount(topic_id=topic.pk)
    urls = [
        reverse("forums:categories"),
        reverse("forums:category", args=[category.slug]),
        reverse("activity:network"),
        "/",
        "/recherche/?q=alert&type=forums",
        *(reverse("forums:topic", args=[t.pk]) for t in topics),
        *(f"{reverse('forums:topic', args=[t.pk])}?page=2" for t in topics),
    ]
    for url in urls:
        response = client_member.get(url)
        assert response.status_code == 200, url
        _harmless(response.content.decode())
    preview = client_member.post(reverse("forums:preview"), {"body": "\n".join(XSS)})
    _harmless(preview.content.decode())


@pytest.mark.parametrize("count", [5, 40])
def test_forum_pages_run_a_flat_number_of_queries(
    client_member, member, count, django_assert_max_num_queries
):
    category = CategoryFactory()
    people = [UserFactory() for _ in range(count)]
    topic = None
    for n, person in enumerate(people):
        topic = services.topic_create(
            author=person, category=category, title=f"Sujet {n}", body="Bonjour"
        )
    for n, person in enumerate(people[:20]):
        post = services.post_create(
            author=person, topic=topic, body=f"Réponse {n} @{member}"
        )
        services.reaction_toggle(post=post, user=member, reaction="like")
        services.reaction_toggle(post=post, user=people[0], reaction="love")
    with django_assert_max_num_queries(22):
        assert client_member.get(reverse("forums:categories")).status_code == 200
    with django_assert_max_num_queries(22):
        url = reverse("forums:category", args=[category.slug])
        assert client_member.get(url).status_code == 200
    url = reverse("forums:topic", args=[topic.pk])
    with django_assert_max_num_queries(15):
        assert client_member.get(url).status_code == 200


def test_the_checker_catches_live_markup():
    for live in ('<img src=x onerror="alert(1)">', "<script>alert(1)</script>",
                 '<a href="javascript:alert(1)">x</a>'):  # fmt: skip
        with pytest.raises(AssertionError):
            _harmless(live)
