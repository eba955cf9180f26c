"""French typography (issue #21): « de »/« que » elide before a name through one
filter (`elide`), everywhere a name follows them; every count next to a word goes
through a plural (`ngettext`, `blocktranslate count`)."""

import pathlib
import re

import polib
import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import translation

from activity import services as feed
from forums import services as forums
from intranet.text import elide
from tests.factories import CategoryFactory, UserFactory

ROOT = pathlib.Path(settings.BASE_DIR)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Publication de Édith Petit", "Publication d'Édith Petit"),
        ("un message de Aimée Auger", "un message d'Aimée Auger"),
        ("Publication de Jean Petit", "Publication de Jean Petit"),
        ("plus que Aimée", "plus qu'Aimée"),
        ("De Isabelle", "D'Isabelle"),
        ("Rencontres de avril 2027", "Rencontres d'avril 2027"),
        ("la réponse de Hugues", "la réponse de Hugues"),  # an h does not elide
        ("départ de Auch", "départ d'Auch"),
        (
            'un message de <a href="/m/">Aimée</a>',
            'un message d\'<a href="/m/">Aimée</a>',
        ),
        ("Jean de Oliveira", "Jean d'Oliveira"),
        ("dé Aimée, unde Aimée", "dé Aimée, unde Aimée"),  # whole words only
    ],
)
def test_elide_in_french(text, expected):
    with translation.override("fr"):
        assert elide(text) == expected


def test_elide_does_nothing_in_english():
    with translation.override("en"):
        assert elide("Post by de Édith") == "Post by de Édith"


@pytest.fixture
def edith(db):
    return UserFactory(first_name="Édith", last_name="Petit")


@pytest.fixture
def aimee(db):
    return UserFactory(first_name="Aimée", last_name="Auger")


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_post_page_is_titled_with_the_elided_name(client_member, edith):
    post = feed.post_create(author=edith, body="Bonjour à tous")
    html = client_member.get(post.get_absolute_url()).text
    assert (
        "Publication d&#x27;Édith Petit" in html or "Publication d'Édith Petit" in html
    )
    assert "de Édith" not in html


def test_a_report_names_the_author_with_elision(db, edith, aimee):
    moderator = UserFactory(first_name="Jean", last_name="Moreau")
    moderator.groups.add(Group.objects.get(name="Modération des échanges"))
    topic = forums.topic_create(
        author=aimee, category=CategoryFactory(), title="Vente", body="À vendre"
    )
    forums.report_create(post=topic.posts.get(), reporter=edith, reason="Publicité")
    html = _client(moderator).get(reverse("forums:moderation")).text
    assert "Édith Petit a signalé un message d'Aimée Auger" in html
    assert "de Aimée" not in html


def test_a_member_feed_title_elides(client_member, aimee):
    html = client_member.get(reverse("activity:member", args=[aimee.pk])).text
    assert "Activité récente d&#x27;Aimée Auger" in html


def test_notifications_elide_in_the_recipients_language(db, edith, aimee):
    post = feed.post_create(author=aimee, body="Qui vient au marché ?")
    feed.comment_create(post=post, author=edith, body="Moi !")
    assert aimee.notifications.get().text == "Édith Petit a commenté votre publication."
    feed.post_create(author=edith, body=f"Merci @{aimee.first_name} {aimee.last_name}")
    assert "Aimée" not in edith.notifications.values_list("text", flat=True)


# Every phrase of the French catalogue where a name (a member, a village, a month)
# follows « de »/« que » is shown through `elide`.
NAMED = {"name", "author", "commune", "place", "month", "family", "member", "who"}
ELIDABLE = re.compile(r"\b(?:[Dd]e|[Qq]ue) %\((\w+)\)[sd]")


def _uses(msgid: str) -> list[tuple[pathlib.Path, int]]:
    """Where `msgid` is written: a template's blocktranslate ({{ name }}) or a
    Python string (%(name)s)."""
    template_text = re.sub(r"%\((\w+)\)[sd]", r"{{ \1 }}", msgid)
    found = []
    for path in [*ROOT.glob("templates/**/*.html"), *ROOT.glob("templates/**/*.txt")]:
        for number, line in enumerate(path.read_text().splitlines()):
            if template_text in line:
                found.append((path, number))
    for path in ROOT.glob("*/**/*.py"):
        if ".venv" in path.parts or "tests" in path.parts or "migrations" in path.parts:
            continue
        for number, line in enumerate(path.read_text().splitlines()):
            if f'"{msgid}"' in line:
                found.append((path, number))
    return found


def _elided(path: pathlib.Path, number: int, msgid: str) -> bool:
    lines = path.read_text().splitlines()
    if path.suffix == ".py":
        # `elide(...)` around it, or a notification's text (`notify` elides).
        around = "\n".join(lines[max(0, number - 6) : number + 3])
        return "elide(" in around or "text=" in lines[number]
    line = lines[number]
    start = line.index(re.sub(r"%\((\w+)\)[sd]", r"{{ \1 }}", msgid))
    before = line[:start]
    return before.rfind("{% filter elide %}") > before.rfind("{% endfilter %}")


def test_every_name_after_de_or_que_goes_through_elide():
    catalogue = polib.pofile(str(ROOT / "locale/fr/LC_MESSAGES/django.po"))
    missing = []
    for entry in catalogue:
        translations = [entry.msgstr, *entry.msgstr_plural.values()]
        if entry.obsolete or not any(
            set(ELIDABLE.findall(text)) & NAMED for text in translations
        ):
            continue
        uses = _uses(entry.msgid)
        assert uses, f"not found in the code: {entry.msgid}"
        missing += [
            f"{path.relative_to(ROOT)}:{number + 1}: {entry.msgid}"
            for path, number in uses
            if not _elided(path, number, entry.msgid)
        ]
    assert missing == []


# A count shown next to a word must go through a plural: `{{ n }} word` or
# `{{ n }} {% translate "word" %}` outside `{% blocktranslate count … %}`.
COUNT_BLOCK = re.compile(
    r"\{% blocktranslate [^%]*\bcount\b.*?\{% endblocktranslate %\}", re.S
)
COUNT_THEN_WORD = re.compile(
    r"\{\{\s*((?:\w+\.)*\w*(?:count|counter|unread|total|seats|left|places|guests))"
    r"(?:\|[^}]*)?\s*\}\}(?:\s|&nbsp;|<[^>]+>)*"
    r"(?:\{% translate \"(?P<translated>[^\"]+)\"|(?P<word>[^\W\d_]{2,}))"
)
NOT_NOUNS = {"of", "sur", "de", "on", "out", "to", "à"}


def offenders(text: str) -> list[str]:
    text = COUNT_BLOCK.sub("", text)
    return [
        match.group(0)
        for match in COUNT_THEN_WORD.finditer(text)
        if (match.group("word") or match.group("translated")) not in NOT_NOUNS
    ]


def test_the_plural_check_catches_a_count_next_to_a_word():
    assert offenders("{{ count }} non lue")
    assert offenders('{{ item.unread }}</span><span> {% translate "unread" %}')
    assert offenders(
        "{% blocktranslate %}{{ left }} of {{ seats }} seats{% endblocktranslate %}"
    )
    assert not offenders(
        "{% blocktranslate count counter=n %}{{ counter }} seat"
        "{% plural %}{{ counter }} seats{% endblocktranslate %}"
    )
    assert not offenders("page {{ number }} of {{ total }}")


def test_no_template_shows_a_count_next_to_a_word_without_a_plural():
    found = {
        str(path.relative_to(ROOT)): offenders(path.read_text())
        for path in [
            *ROOT.glob("templates/**/*.html"),
            *ROOT.glob("templates/**/*.txt"),
        ]
    }
    assert {path: hits for path, hits in found.items() if hits} == {}


# Counts that are never 1: a text over its limit (at least 2 characters), a list
# of results shown only beyond one page, the broadband figures' threshold (3
# members) and the territory's hourly and daily limits (5), reached only past 1.
ALWAYS_PLURAL = {
    "%(count)s characters: the limit is %(max)s. Shorten it a little.",
    "The title has %(count)s characters; at most %(max)s.",
    "The message has %(count)s characters; at most %(max)s.",
    "The description has %(count)s characters; at most %(max)s.",
    "See the more than %(count)s results in %(kind)s",
    "See the %(count)s results in %(kind)s",
    "Members test their own lines, at home, village by village. Each commune shows "
    "the median of its tests once at least %(count)s members tested there: never "
    "anyone's own result.",
    "No commune has tests from %(count)s members yet.",
    "Not enough tests yet (figures are shown once %(count)s members tested).",
    "You have recorded %(count)d tests in the last hour: try again a little later.",
    "You have proposed %(count)d meetings today: try again tomorrow.",
}


def test_python_counts_next_to_words_use_ngettext():
    """Every phrase of the catalogue that starts a word with a count has a plural."""
    catalogue = polib.pofile(str(ROOT / "locale/fr/LC_MESSAGES/django.po"))
    counted = re.compile(r"%\((?:count|counter|n)\)[sd] (?!of\b|sur\b)[^\W\d_]{2,}")
    singular_only = [
        entry.msgid
        for entry in catalogue
        if not entry.obsolete
        and not entry.msgid_plural
        and counted.search(entry.msgid)
        and entry.msgid not in ALWAYS_PLURAL
    ]
    assert singular_only == []


def test_the_screen_reader_count_of_the_bell_agrees(client_member, member):
    from tests.factories import NotificationFactory

    NotificationFactory(recipient=member)
    NotificationFactory(recipient=member)
    html = client_member.get(reverse("activity:list")).text
    assert '2<span class="visually-hidden"> non lues</span>' in html
