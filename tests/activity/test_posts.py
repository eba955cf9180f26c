import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.html import escape

from activity import activity, feed, services
from activity.models import Comment, FeedPost, Notification, PostReaction
from activity.notices import MENTION, POST_COMMENT
from tests.factories import (
    CommitteeMembershipFactory,
    CommitteePageFactory,
    UserFactory,
)


def test_a_post_to_the_network_is_recorded_and_shown(client_member, member):
    response = client_member.post(
        reverse("activity:post_create"),
        {"body": "Qui connaît un bon **plombier** à Auch ?", "audience": ""},
    )
    post = FeedPost.objects.get()
    assert response.status_code == 302
    assert post.author == member and post.committee is None
    assert activity.actions_of(member).filter(verb=activity.POSTED).exists()
    page = client_member.get(reverse("activity:post_detail", args=[post.pk]))
    assert "<strong>plombier</strong>" in page.content.decode()
    mine = client_member.get(reverse("activity:mine")).content.decode()
    assert "<strong>plombier</strong>" in mine


def test_empty_and_too_long_posts_are_refused_with_a_reason(client_member):
    response = client_member.post(reverse("activity:post_create"), {"body": "   "})
    assert response.status_code == 400
    response = client_member.post(reverse("activity:post_create"), {"body": "a" * 2001})
    assert response.status_code == 400
    assert "a" * 2001 in response.content.decode()  # nothing lost
    assert not FeedPost.objects.exists()


def test_rate_limit(member):
    for number in range(services.PER_MINUTE):
        services.post_create(author=member, body=f"Message {number}")
    with pytest.raises(ValidationError) as error:
        services.post_create(author=member, body="Un de trop")
    assert error.value.code == "rate"


def test_only_members_post_to_their_committee(member, committee):
    with pytest.raises(ValidationError):
        services.post_create(author=member, body="Bonjour", committee=committee)
    CommitteeMembershipFactory(user=member, committee=committee)
    post = services.post_create(author=member, body="Bonjour", committee=committee)
    assert post.committee == committee


def test_mentions_are_stored_by_id_and_notify(member, other_member):
    post = services.post_create(
        author=member, body="Merci @Bastien Dupouy pour le coup de main !"
    )
    assert post.body == f"Merci @[{other_member.pk}] pour le coup de main !"
    notification = Notification.objects.get(recipient=other_member)
    assert notification.kind == MENTION


def test_comment_notifies_the_author(member, other_member):
    post = services.post_create(author=member, body="Bonjour")
    services.comment_create(post=post, author=other_member, body="Bienvenue !")
    assert Notification.objects.get(recipient=member).kind == POST_COMMENT


def test_reactions_toggle(member, other_member):
    post = services.post_create(author=member, body="Bonjour")
    assert services.reaction_toggle(post=post, user=other_member, reaction="love")
    assert not services.reaction_toggle(post=post, user=other_member, reaction="love")
    assert not PostReaction.objects.exists()
    with pytest.raises(ValidationError):
        services.reaction_toggle(post=post, user=other_member, reaction="angry")


def test_only_the_author_edits_and_deletes(member, other_member):
    post = services.post_create(author=member, body="Bonjour")
    with pytest.raises(PermissionDenied):
        services.post_update(post=post, by=other_member, body="Piraté")
    with pytest.raises(PermissionDenied):
        services.post_delete(post=post, by=other_member)
    services.comment_create(post=post, author=other_member, body="Salut")
    services.post_delete(post=post, by=member)
    assert not FeedPost.objects.exists() and not Comment.objects.exists()
    assert not feed.read(member, feed.network_feed(member)).entries


def test_each_member_s_composer_offers_their_own_committees_in_their_language(
    client, member, other_member, committee
):
    """The unbound composer's fields are kept per process (`feed_tags`), by
    language and audiences: never another member's committees or language."""
    CommitteeMembershipFactory(user=member, committee=committee)
    option = f'<option value="{committee.pk}">{escape(committee.title)}</option>'
    client.force_login(member)
    assert option in client.get(reverse("activity:mine")).content.decode()
    chosen = client.get(committee.url).content.decode()
    assert f'<option value="{committee.pk}" selected>' in chosen  # its own page
    client.force_login(other_member)
    theirs = client.get(reverse("activity:mine")).content.decode()
    assert "Pour qui ?" in theirs and escape(committee.title) not in theirs
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(reverse("activity:mine")).content.decode()
    assert "Who is it for?" in english and "Pour qui ?" not in english


def test_a_post_card_keeps_what_people_typed_as_text(client_member, member):
    """Cards are written by `feed_tags.post_card`, in Python: a member's name, a
    committee's title and a photo's description stay text, in a feed and on the
    post's own page."""
    hostile = '<img src=x onerror="alert(1)">'
    author = UserFactory(first_name=hostile, last_name="Zoé")
    committee = CommitteePageFactory(title=f"{hostile} Comité")
    CommitteeMembershipFactory(user=author, committee=committee)
    post = services.post_create(author=author, body="Bonjour", committee=committee)
    FeedPost.objects.filter(pk=post.pk).update(image="feed/a.jpg", image_alt=hostile)
    escaped = escape(hostile)
    for url in (
        reverse("activity:committee", args=[committee.pk]),
        post.get_absolute_url(),
    ):
        html = client_member.get(url).content.decode()
        card = html[html.index(f'id="publication-{post.pk}"') :]
        card = card[: card.index("</article>")]
        assert "<img src=x" not in html
        assert f">{escaped} Zoé</a>" in card  # the author, linked to their profile
        assert f">{escaped} Comité</a></span>" in card
        assert f'src="/media/feed/a.jpg" alt="{escaped}"' in card
