"""« Quote » keeps what was typed, with or without JavaScript."""

from django.urls import reverse

from forums import services
from forums.models import Post
from tests.factories import CategoryFactory, CommitteeMembershipFactory, UserFactory


def _topic(author=None, **category):
    author = author or UserFactory(first_name="Bastien", last_name="Dupouy")
    return services.topic_create(
        author=author,
        category=CategoryFactory(**category),
        title="Un plombier vers Auch ?",
        body="Essaie Jean à Pavie.\nIl est rapide.",
    )


def test_quote_without_javascript_keeps_the_text_being_typed(client_member):
    topic = _topic()
    page = client_member.get(topic.get_absolute_url()).content.decode()
    # « Quote » is a button of the reply form, not a link that reloads the page.
    assert 'form="reply-form" name="citer"' in page and 'id="reply-form"' in page
    response = client_member.post(
        reverse("forums:reply", args=[topic.pk]),
        {"body": "Merci pour l'adresse,", "citer": topic.last_post.pk},
    )
    assert response.status_code == 200
    html = response.content.decode().replace("&#x27;", "'").replace("&gt;", ">")
    assert (
        "Merci pour l'adresse,\n\n> **Bastien Dupouy** :\n"
        "> Essaie Jean à Pavie.\n> Il est rapide." in html
    )
    assert Post.objects.filter(topic=topic).count() == 1  # nothing sent
    assert "data-draft-kept" in html  # the browser keeps its draft too


def test_the_quote_endpoint_gives_markdown_to_insert(client_member):
    topic = _topic()
    response = client_member.get(
        reverse("forums:post_quote", args=[topic.last_post.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode() == (
        "> **Bastien Dupouy** :\n> Essaie Jean à Pavie.\n> Il est rapide.\n\n"
    )


def test_no_quote_of_what_one_may_not_read(client_member, committee):
    insider = CommitteeMembershipFactory(committee=committee).user
    hidden = _topic(insider, committee=committee, members_only=True)  # not theirs
    assert (
        client_member.get(
            reverse("forums:post_quote", args=[hidden.last_post.pk])
        ).status_code
        == 404
    )
    response = client_member.post(
        reverse("forums:reply", args=[hidden.pk]),
        {"body": "x", "citer": hidden.last_post.pk},
    )
    assert response.status_code == 404


def test_no_quote_of_a_hidden_message(client_member, client, network_editor):
    topic = _topic()
    moderator = UserFactory()
    from django.contrib.auth.models import Group

    moderator.groups.add(Group.objects.get(name="Modération des échanges"))
    services.post_hide(post=topic.last_post, by=moderator, hidden=True)
    url = reverse("forums:post_quote", args=[topic.last_post.pk])
    assert client_member.get(url).status_code == 404


def test_forms_carry_their_draft_names(client_member):
    topic = _topic(slug="entraide")
    detail = client_member.get(topic.get_absolute_url()).content.decode()
    assert f'data-draft="forum-reply-{topic.pk}"' in detail
    assert "js/forum.js" in detail
    new = client_member.get(reverse("forums:topic_create", args=["entraide"]))
    assert 'data-draft="forum-topic-entraide"' in new.content.decode()
    refused = client_member.post(
        reverse("forums:topic_create", args=["entraide"]), {"title": "", "body": "x"}
    )
    assert refused.status_code == 400
    assert "data-draft-kept" in refused.content.decode()
