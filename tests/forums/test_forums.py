from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections
from django.urls import reverse

from activity import activity
from activity.models import Notification, Reaction
from forums import services
from forums.models import ModerationLog, Post, Report, Topic, TopicRead
from forums.notices import REPLY
from tests.factories import (
    CategoryFactory,
    CommitteeMembershipFactory,
    CommitteePageFactory,
    UserFactory,
)

MODERATORS = "Modération des échanges"


@pytest.fixture
def category(db):
    return CategoryFactory(name="Entraide", slug="entraide")


@pytest.fixture
def restricted(db):
    committee = CommitteePageFactory()
    return CategoryFactory(name="Bureau", committee=committee, members_only=True)


def test_a_topic_and_replies_keep_their_counters(member, other_member, category):
    topic = services.topic_create(
        author=member, category=category, title="Fibre à Auch", body="Des nouvelles ?"
    )
    first = services.post_create(author=other_member, topic=topic, body="Oui !")
    second = services.post_create(author=member, topic=topic, body="Merci")
    topic.refresh_from_db()
    assert topic.reply_count == 2 and topic.last_post == second
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    services.post_hide(post=second, by=moderator)
    topic.refresh_from_db()
    assert topic.reply_count == 1 and topic.last_post == first
    services.post_delete(post=first, by=other_member)
    topic.refresh_from_db()
    assert topic.reply_count == 0
    assert Post.objects.get(pk=first.pk).body == ""  # a placeholder remains
    assert ModerationLog.objects.filter(action="hide", post=second).exists()
    assert activity.actions_of(member).filter(verb=activity.STARTED_TOPIC).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_replies_are_all_counted(member):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    category = CategoryFactory()
    topic = services.topic_create(author=member, category=category, title="T", body="x")
    people = [UserFactory() for _ in range(8)]

    def reply(person):
        try:
            services.post_create(author=person, topic=topic, body="Moi aussi")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(reply, people))
    topic.refresh_from_db()
    assert topic.reply_count == 8
    assert topic.last_post == Post.objects.order_by("-created_at", "-pk").first()


def test_limits_have_clear_errors(member, category):
    with pytest.raises(ValidationError) as error:
        services.topic_create(author=member, category=category, title="", body="x")
    assert error.value.code == "title_empty"
    with pytest.raises(ValidationError):
        services.topic_create(
            author=member, category=category, title="x" * 201, body="x"
        )
    with pytest.raises(ValidationError):
        services.topic_create(author=member, category=category, title="T", body="  ")
    with pytest.raises(ValidationError):
        services.topic_create(
            author=member, category=category, title="T", body="x" * 20_001
        )
    topic = services.topic_create(author=member, category=category, title="T", body="1")
    for n in range(services.PER_MINUTE - 1):
        services.post_create(author=member, topic=topic, body=f"{n}")
    with pytest.raises(ValidationError) as error:
        services.post_create(author=member, topic=topic, body="un de trop")
    assert error.value.code == "rate"
    assert not Topic.objects.filter(title="").exists()


def test_restricted_categories_stay_closed(client_member, member, restricted):
    insider = CommitteeMembershipFactory(committee=restricted.committee).user
    topic = services.topic_create(
        author=insider, category=restricted, title="Secret", body="MARQUEUR-FORUM"
    )
    with pytest.raises(PermissionDenied):
        services.post_create(author=member, topic=topic, body="Je m'invite")
    for url in (
        reverse("forums:category", args=[restricted.slug]),
        reverse("forums:topic", args=[topic.pk]),
        reverse("forums:post", args=[topic.last_post_id]),
    ):
        assert client_member.get(url).status_code == 404
    for url in (reverse("forums:categories"), "/", reverse("activity:network")):
        assert "MARQUEUR-FORUM" not in client_member.get(url).content.decode()
    found = client_member.get("/recherche/", {"q": "marqueur", "type": "forums"})
    assert "Secret" not in found.content.decode()
    client_member.force_login(insider)
    found = client_member.get("/recherche/", {"q": "marqueur", "type": "forums"})
    assert "Secret" in found.content.decode()


def test_watchers_hear_of_replies_and_mentions_notify(member, other_member, category):
    topic = services.topic_create(author=member, category=category, title="T", body="x")
    services.post_create(author=other_member, topic=topic, body="Réponse")
    assert Notification.objects.get(recipient=member).kind == REPLY
    services.watch_set(user=member, topic=topic, level="mute")
    services.post_create(
        author=other_member, topic=topic, body="Et toi @Camille Laborde ?"
    )
    kinds = list(
        Notification.objects.filter(recipient=member).values_list("kind", flat=True)
    )
    assert kinds.count(REPLY) == 1 and "mention" in kinds


def test_unread_tracking(client, member, other_member, category):
    topic = services.topic_create(author=member, category=category, title="T", body="x")
    client.force_login(other_member)
    page = client.get(reverse("forums:category", args=[category.slug])).content.decode()
    assert "is-unread" in page
    before = TopicRead.objects.count()
    topic_page = client.get(reverse("forums:topic", args=[topic.pk])).content.decode()
    assert TopicRead.objects.count() == before  # a GET writes nothing
    assert 'hx-trigger="load"' in topic_page  # the page marks itself read
    client.post(
        reverse("forums:topic_read", args=[topic.pk]),
        {"upto": topic.last_post_id},
    )
    page = client.get(reverse("forums:category", args=[category.slug])).content.decode()
    assert "is-unread" not in page
    reply = services.post_create(author=member, topic=topic, body="Nouveau")
    response = client.get(reverse("forums:first_unread", args=[topic.pk]))
    assert response["Location"] == reverse("forums:post", args=[reply.pk])
    client.post(reverse("forums:mark_all_read", args=[category.slug]))
    page = client.get(reverse("forums:category", args=[category.slug])).content.decode()
    assert "is-unread" not in page


def test_permalink_lands_on_the_right_page(
    client_member, member, other_member, category
):
    topic = services.topic_create(author=member, category=category, title="T", body="0")
    Post.objects.bulk_create(
        Post(topic=topic, author=other_member, body=f"{n}") for n in range(1, 25)
    )
    last = Post.objects.filter(topic=topic).order_by("-created_at", "-pk").first()
    response = client_member.get(reverse("forums:post", args=[last.pk]))
    assert response["Location"].endswith(f"?page=2#message-{last.pk}")


def test_reports_queue_and_resolution(client, member, other_member, category):
    topic = services.topic_create(author=member, category=category, title="T", body="x")
    post = services.post_create(author=other_member, topic=topic, body="Insulte")
    client.force_login(member)
    client.post(reverse("forums:post_report", args=[post.pk]), {"reason": "Injurieux"})
    report = Report.objects.get()
    assert client.get(reverse("forums:moderation")).status_code == 403
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    queue = client.get(reverse("forums:moderation")).content.decode()
    assert "Injurieux" in queue and "Insulte" in queue  # the reason and the message
    client.post(
        reverse("forums:moderation"),
        {"report": report.pk, "decision": "act", "resolution": "Masqué"},
    )
    report.refresh_from_db()
    post.refresh_from_db()
    assert report.status == "acted" and post.hidden_at is not None
    log = client.get(reverse("forums:moderation_log")).content.decode()
    assert "Masqué" in log


def test_referents_moderate_their_committee_only(member, category):
    committee = CommitteePageFactory()
    local = CategoryFactory(committee=committee)
    referent = CommitteeMembershipFactory(committee=committee, role="referent").user
    here = services.topic_create(author=member, category=local, title="Ici", body="x")
    there = services.topic_create(
        author=member, category=category, title="Là", body="y"
    )
    services.topic_lock(topic=here, by=referent)
    with pytest.raises(PermissionDenied):
        services.topic_lock(topic=there, by=referent)
    with pytest.raises(PermissionDenied):
        services.topic_pin(topic=here, by=member)
    here.refresh_from_db()
    assert here.is_locked
    with pytest.raises(ValidationError):
        services.post_create(author=member, topic=here, body="Trop tard")


def test_edits_keep_earlier_versions(member, category):
    topic = services.topic_create(
        author=member, category=category, title="T", body="v1"
    )
    post = topic.last_post
    services.post_update(post=post, by=member, body="v2")
    assert list(post.revisions.values_list("body", flat=True)) == ["v1"]


def test_network_editors_manage_categories_in_the_admin(client, network_editor):
    client.force_login(network_editor)
    response = client.get("/admin/snippets/forums/category/add/")
    assert response.status_code == 200
    response = client.post(
        "/admin/snippets/forums/category/add/",
        {"name": "Covoiturage", "slug": "", "description": "", "position": 3},
    )
    assert response.status_code == 302
    from forums.models import Category

    assert Category.objects.get(name="Covoiturage").slug == "covoiturage"


def test_members_do_not_reach_the_category_admin(client_member):
    response = client_member.get("/admin/snippets/forums/category/")
    assert response.status_code in (302, 403)


def test_category_watchers_hear_of_new_topics(member, other_member, category):
    services.watch_set(user=member, category=category, level="watch")
    topic = services.topic_create(
        author=other_member, category=category, title="Vélo à vendre", body="x"
    )
    notification = Notification.objects.get(recipient=member)
    assert "Vélo à vendre" in notification.text
    services.post_create(author=other_member, topic=topic, body="Toujours dispo")
    assert Notification.objects.filter(recipient=member).count() == 2


def test_preview_renders_mentions(client_member, other_member):
    response = client_member.post(
        reverse("forums:preview"), {"body": "Merci @Bastien Dupouy **bravo**"}
    )
    html = response.content.decode()
    assert "@Bastien Dupouy</a>" in html and "<strong>bravo</strong>" in html


def test_reactions_toggle_and_show_who(client_member, member, other_member, category):
    topic = services.topic_create(
        author=other_member, category=category, title="T", body="x"
    )
    post = topic.last_post
    assert services.reaction_toggle(post=post, user=member, reaction="thanks")
    page = client_member.get(reverse("forums:topic", args=[topic.pk])).content.decode()
    assert "Merci (Camille Laborde)" in page
    response = client_member.post(
        reverse("forums:reaction_toggle", args=[post.pk]),
        {"reaction": "thanks"},
        HTTP_HX_REQUEST="true",
    )
    assert "<html" not in response.content.decode()
    assert not post.reactions.exists()
    with pytest.raises(ValidationError):
        services.reaction_toggle(post=post, user=member, reaction="colère")


def test_the_reaction_bar_escapes_names_and_says_who_and_whether_mine(
    client_member, member, other_member, category
):
    topic = services.topic_create(
        author=other_member, category=category, title="T", body="x"
    )
    post = topic.last_post
    member.first_name, member.last_name = "<b>Ana", "Ruiz</b>"
    member.save()
    services.reaction_toggle(post=post, user=member, reaction="thanks")
    page = client_member.get(reverse("forums:topic", args=[topic.pk])).content.decode()
    assert "<b>Ana" not in page
    assert 'title="Merci : &lt;b&gt;Ana Ruiz&lt;/b&gt;"' in page
    assert 'class="reaction reaction--mine" aria-pressed="true"' in page
    bar = page[page.index('<form method="post" action="/forums/messages/') :]
    bar = bar[: bar.index("</form>")]
    assert 'name="csrfmiddlewaretoken"' in bar
    assert f'name="next" value="{reverse("forums:topic", args=[topic.pk])}"' in bar
    # The menu offers every reaction, each with its name for screen readers.
    assert bar.count('name="reaction"') == 1 + len(Reaction.choices)
    assert '<span class="visually-hidden">Réagir</span>' in bar


def test_a_message_keeps_its_author_s_name_as_text(client_member, member, category):
    """Messages are written by `forum_tags.forum_post`, in Python: the author's
    name stays text, in its link and in the quote button's label."""
    hostile = UserFactory(first_name='<img src=x onerror="alert(1)">', last_name="Zoé")
    topic = services.topic_create(
        author=hostile, category=category, title="T", body="Bonjour"
    )
    page = client_member.get(reverse("forums:topic", args=[topic.pk])).content.decode()
    message = page[page.index(f'id="message-{topic.last_post.pk}"') :]
    message = message[: message.index("</article>")]
    assert "<img src=x" not in page
    escaped = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; Zoé"
    assert f">{escaped}</a><br>" in message
    assert f'aria-label="Citer le message de {escaped} dans ma réponse"' in message


def test_forum_search_stems_french_on_postgresql(client_member, member, category):
    if connection.vendor != "postgresql":
        pytest.skip("French stemming is PostgreSQL's full-text search")
    services.topic_create(
        author=member, category=category, title="Presse", body="Les journaux locaux ?"
    )
    # "journal" is no substring of "journaux": only the stemmer finds it.
    found = client_member.get("/recherche/", {"q": "journal", "type": "forums"})
    assert ">Presse<" in found.content.decode()  # the topic title links the result


def test_the_committee_page_lists_its_forums(client_member, member, restricted):
    open_one = CategoryFactory(
        name="Vie locale du comité", committee=restricted.committee
    )
    page = client_member.get(restricted.committee.url).content.decode()
    assert open_one.name in page and restricted.name not in page
    CommitteeMembershipFactory(user=member, committee=restricted.committee)
    page = client_member.get(restricted.committee.url).content.decode()
    assert restricted.name in page


def test_moderators_move_and_rename_topics_with_a_log(member, category):
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    elsewhere = CategoryFactory(name="Petites annonces")
    topic = services.topic_create(
        author=member, category=category, title="Vends vélo", body="x"
    )
    services.topic_move(topic=topic, by=moderator, category=elsewhere)
    services.topic_retitle(topic=topic, by=moderator, title="Vends vélo électrique")
    topic.refresh_from_db()
    assert topic.category == elsewhere and topic.title == "Vends vélo électrique"
    started = activity.actions_of(member).get(verb=activity.STARTED_TOPIC)
    assert started.target == elsewhere  # the feed follows the move
    actions = set(ModerationLog.objects.values_list("action", flat=True))
    assert actions == {"move", "retitle"}
    with pytest.raises(PermissionDenied):
        services.topic_retitle(topic=topic, by=member, title="Piraté")


def test_hidden_and_deleted_messages_keep_their_place(
    client, member, other_member, category
):
    topic = services.topic_create(author=member, category=category, title="T", body="x")
    hidden = services.post_create(
        author=other_member, topic=topic, body="CONTENU-MASQUE"
    )
    deleted = services.post_create(author=member, topic=topic, body="CONTENU-EFFACE")
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    services.post_hide(post=hidden, by=moderator)
    services.post_delete(post=deleted, by=member)
    url = reverse("forums:topic", args=[topic.pk])
    client.force_login(UserFactory())
    page = client.get(url).content.decode()
    assert "CONTENU-MASQUE" not in page and "CONTENU-EFFACE" not in page
    assert (
        "Masqué par un modérateur" in page and "Message supprimé par son auteur" in page
    )
    client.force_login(moderator)
    assert "CONTENU-MASQUE" in client.get(url).content.decode()
    revisions = client.get(reverse("forums:post_revisions", args=[deleted.pk]))
    assert "CONTENU-EFFACE" in revisions.content.decode()  # kept for moderators
    client.force_login(other_member)
    assert (
        client.get(reverse("forums:post_revisions", args=[deleted.pk])).status_code
        == 403
    )


def test_hiding_the_only_message_leaves_a_sane_topic(member, category):
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    topic = services.topic_create(author=member, category=category, title="T", body="x")
    services.post_hide(post=topic.last_post, by=moderator)
    topic.refresh_from_db()
    assert topic.reply_count == 0 and topic.last_post is None
    assert topic.last_post_at == topic.created_at
