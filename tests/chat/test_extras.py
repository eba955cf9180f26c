"""Replies, reactions and attachments over HTTP (the page without JavaScript, and
the live page's send with files), in data export and erasure, within the room
page's query budget."""

import gzip
import io
import json
import re
import zipfile
from html import unescape
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import urlize
from PIL import Image

from activity.models import Notification
from chat import services, text
from chat.models import Attachment, Message, MessageReaction, Room
from intranet import ratelimit
from members.personal_data import erase, export_zip
from tests.factories import CommitteeMembershipFactory, UserFactory
from tests.members.test_profiles import jpeg_with_gps


@pytest.fixture
def general(db):
    return Room.objects.get(slug="general")


def photo(name="vacances.jpg", size=(1200, 900)):
    return SimpleUploadedFile(name, jpeg_with_gps(size), content_type="image/jpeg")


def pdf(name="compte-rendu.pdf", content=b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def send(client, room, **data):
    return client.post(
        reverse("chat:send", args=[room.pk]), data, HTTP_ACCEPT="application/json"
    )


def test_a_reply_quotes_and_links_the_message_it_answers(
    client_member, member, other_member, general
):
    asked = services.message_post(
        room=general,
        author=other_member,
        body="Qui a une remorque à prêter ce samedi ?",
    )
    page = client_member.get(general.get_absolute_url() + f"?reponse={asked.pk}")
    html = page.content.decode()
    assert f'name="reply_to" value="{asked.pk}"' in html
    assert "En réponse à Bastien Dupouy" in html  # the composer says what it answers
    response = client_member.post(
        reverse("chat:send", args=[general.pk]),
        {"body": "Moi, je passe la déposer.", "reply_to": asked.pk},
        follow=True,
    )
    reply = Message.objects.get(author=member)
    assert reply.reply_to == asked
    html = response.content.decode()
    assert f'class="chat-quote" href="#message-{asked.pk}"' in html
    assert "Qui a une remorque à prêter ce samedi ?" in html


def test_a_reply_to_a_deleted_or_foreign_message_is_refused_in_french(
    client_member, member, other_member, general
):
    elsewhere = Room.objects.get(slug="entraide")
    foreign = services.message_post(
        room=elsewhere, author=other_member, body="Ailleurs"
    )
    gone = services.message_post(room=general, author=other_member, body="Effacé")
    services.message_delete(message=gone, by=other_member)
    for target in (foreign, gone):
        response = send(client_member, general, body="Réponse", reply_to=target.pk)
        assert response.status_code == 400
        assert (
            response.json()["error"] == "Le message auquel vous répondez n'existe plus."
        )
    assert not Message.objects.filter(author=member).exists()


def test_reactions_are_the_posts_set_and_toggle(client_member, member, general):
    message = services.message_post(room=general, author=member, body="Bonne année !")
    url = reverse("chat:react", args=[message.pk])
    client_member.post(url, {"reaction": "celebrate"})
    client_member.post(url, {"reaction": "thanks"})
    assert sorted(
        MessageReaction.objects.filter(message=message).values_list(
            "reaction", flat=True
        )
    ) == ["celebrate", "thanks"]
    client_member.post(url, {"reaction": "thanks"})  # taken back
    assert list(message.reactions.values_list("reaction", flat=True)) == ["celebrate"]
    response = client_member.post(url, {"reaction": "poop"}, follow=True)
    assert "Cette réaction n'existe pas." in unescape(response.content.decode())
    html = client_member.get(general.get_absolute_url()).content.decode()
    assert 'aria-pressed="true"' in html and "🎉" in html
    message.refresh_from_db()
    assert message.changed_at > message.created_at  # tabs away catch it up


def test_the_room_lists_the_reactions_once_and_each_menu_links_to_its_page(
    client_member, member, other_member, general
):
    """The menu of each message holds a link to the message's reaction page (the
    script fills the menu with the set listed once, in `chat-reaction-set`); that
    page toggles a reaction without JavaScript."""
    messages = [
        services.message_post(room=general, author=other_member, body=f"Idée {n}")
        for n in range(3)
    ]
    html = client_member.get(general.get_absolute_url()).content.decode()
    assert html.count('class="chat-react"') == 3
    assert 'name="reaction"' not in html  # no menu lists the set…
    assert html.count('"key": "thanks"') == 1  # …the page does, once
    url = reverse("chat:react", args=[messages[1].pk])
    assert html.count(f'<a href="{url}">Choisir une réaction</a>') == 1
    page = client_member.get(url).content.decode()
    assert "Idée 1" in page and page.count('name="reaction"') == 6
    assert "reaction--mine" not in page
    response = client_member.post(url, {"reaction": "thanks"})
    assert response.url == f"{general.get_absolute_url()}#message-{messages[1].pk}"
    page = client_member.get(url).content.decode()
    assert page.count('class="reaction reaction--mine" aria-pressed="true"') == 1
    assert "Merci (" in unescape(page)  # who gave it


def test_the_reaction_page_is_only_for_who_writes_in_the_room(
    client, committee, member, other_member
):
    room = services.committee_room(committee=committee)
    author = UserFactory()
    CommitteeMembershipFactory(committee=committee, user=author)
    message = services.message_post(room=room, author=author, body="Réunion jeudi")
    url = reverse("chat:react", args=[message.pk])
    client.force_login(member)  # reads the open room, does not write in it
    assert client.get(url).status_code == 403
    client.force_login(author)
    assert client.get(url).status_code == 200
    services.message_delete(message=message, by=author)
    assert client.get(url).status_code == 403
    between = services.conversation_for(user=author, others=[other_member])
    aside = services.message_post(room=between, author=author, body="Entre nous")
    client.force_login(member)  # does not read that conversation
    assert client.get(reverse("chat:react", args=[aside.pk])).status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        "Rendez-vous à 9 h. Qui vient ?",
        'Tarif : 3,50 € <b>l\'heure</b> & "gratuit" le 1er.',
        "Voir https://example.org/a?b=1&c=2.",
        "www.gers.fr, ou gers.com/ici.",
        "Écrire à marie@exemple.fr (ou à Paul).",
        "deux\nlignes : fin.",
        "sohosolo.org",
        "site.NET) et http:// seul",
    ],
)
def test_a_message_is_escaped_and_linked_as_urlize_does(body):
    """Texts without anything urlize could link skip it: the same HTML."""
    expected = urlize(body, nofollow=True, autoescape=True).replace("\n", "<br>")
    assert text.render(body, {}) == expected


def test_reactions_to_a_message_ring_its_author_once_while_unread(
    client_member, member, other_member, general
):
    message = services.message_post(room=general, author=other_member, body="Merci !")
    url = reverse("chat:react", args=[message.pk])
    client_member.post(url, {"reaction": "thanks"})
    third = UserFactory(first_name="Édith", last_name="Petit")
    services.reaction_toggle(message=message, user=third, reaction="like")
    services.reaction_toggle(message=message, user=other_member, reaction="like")
    told = Notification.objects.filter(recipient=other_member, kind="reaction")
    assert told.count() == 1  # grouped, and no bell for one's own reaction
    assert "2 réactions à votre message" in told.get().text
    assert told.get().url.endswith(f"#message-{message.pk}")
    assert not Notification.objects.filter(recipient=member, kind="reaction")


def test_who_only_reads_a_room_cannot_react_or_reply(client, committee, member):
    room = services.committee_room(committee=committee)
    author = UserFactory()
    CommitteeMembershipFactory(committee=committee, user=author)
    message = services.message_post(room=room, author=author, body="Réunion jeudi")
    client.force_login(member)  # an open room of a committee not theirs
    response = client.post(
        reverse("chat:react", args=[message.pk]), {"reaction": "like"}, follow=True
    )
    assert "Vous ne pouvez pas écrire dans ce salon." in response.content.decode()
    assert not MessageReaction.objects.exists()
    html = client.get(room.get_absolute_url()).content.decode()
    assert "?reponse=" not in html and 'class="chat-react"' not in html


def test_a_photo_is_reencoded_thumbnailed_and_served_only_to_the_rooms_readers(
    client_member, member, other_member, committee
):
    CommitteeMembershipFactory(committee=committee, user=member)
    room = services.committee_room(committee=committee)
    services.committee_room_access_set(
        committee=committee, by=UserFactory(is_superuser=True), access="closed"
    )
    response = send(client_member, room, body="", key="k1", files=[photo()])
    assert response.status_code == 200, response.content
    sent = response.json()["message"]
    [attachment] = sent["attachments"]
    assert attachment["kind"] == "photo" and attachment["name"] == "vacances.webp"
    stored = Attachment.objects.get()
    assert stored.file.name.startswith(f"private/chat/{room.pk}/")
    assert (stored.width, stored.height) == (800, 600)
    image = client_member.get(attachment["url"])
    assert image.status_code == 200 and image["Content-Type"] == "image/webp"
    content = b"".join(image.streaming_content)
    with Image.open(io.BytesIO(content)) as seen:
        assert seen.size == (800, 600)
        assert not seen.getexif()  # no GPS position, no maker
    thumbnail = client_member.get(attachment["thumbnail"])
    with Image.open(io.BytesIO(b"".join(thumbnail.streaming_content))) as small:
        assert small.size == (160, 120)
    # Not for who cannot read the room, nor through /media/, nor logged out.
    outsider = Client()
    outsider.force_login(other_member)
    assert outsider.get(attachment["url"]).status_code == 404
    assert outsider.get(f"/media/{stored.file.name}").status_code == 404
    assert outsider.get(f"/media/x/../{stored.file.name}").status_code == 404
    assert Client().get(attachment["url"]).status_code == 302  # to the login
    html = client_member.get(room.get_absolute_url()).content.decode()
    assert f'<img src="{attachment["thumbnail"]}" alt="vacances.webp"' in html


def test_a_document_is_downloaded_as_such(client_member, general):
    response = send(client_member, general, body="Le compte-rendu", files=[pdf()])
    [attachment] = response.json()["message"]["attachments"]
    assert attachment["kind"] == "file" and attachment["thumbnail"] == ""
    download = client_member.get(attachment["url"])
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download["Content-Security-Policy"]
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize(
    "files, words",
    [
        ([SimpleUploadedFile("virus.exe", b"MZ\x90\x00")], "Ce type de fichier"),
        (
            [pdf("faux.pdf", b"<html><script>alert(1)</script>")],
            "n'est pas le document",
        ),
        ([SimpleUploadedFile("photo.jpg", b"not a photo")], "« photo.jpg » :"),
        ([pdf("gros.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))], "10 Mo"),
        ([pdf(f"{n}.pdf") for n in range(5)], "4 fichiers"),
        ([SimpleUploadedFile("vide.txt", b"")], "est vide"),
    ],
)
def test_bad_files_get_a_french_error_and_nothing_is_stored(
    client_member, member, general, files, words
):
    response = send(client_member, general, body="Regardez", files=files)
    assert response.status_code == 400
    assert words in response.json()["error"]
    assert not Message.objects.exists() and not Attachment.objects.exists()
    # And without JavaScript: the same error on the page, nothing sent.
    page = client_member.post(
        reverse("chat:send", args=[general.pk]),
        {"body": "Regardez", "files": [f.open() for f in files]},
        follow=True,
    )
    assert words in unescape(page.content.decode())
    assert not Message.objects.exists()


def test_a_send_with_files_retried_with_its_key_is_stored_once(client_member, general):
    first = send(client_member, general, body="Photo", key="same", files=[photo()])
    again = send(client_member, general, body="Photo", key="same", files=[photo()])
    assert first.json()["id"] == again.json()["id"]
    assert Attachment.objects.count() == 1


def test_deleting_a_message_deletes_its_files(
    client_member, member, general, django_capture_on_commit_callbacks
):
    response = send(client_member, general, body="Oups", files=[photo()])
    stored = Attachment.objects.get()
    storage, name = stored.file.storage, stored.file.name
    assert storage.exists(name)
    message = Message.objects.get(pk=response.json()["id"])
    with django_capture_on_commit_callbacks(execute=True):
        client_member.post(reverse("chat:delete", args=[message.pk]))
    assert not Attachment.objects.exists()
    assert not storage.exists(name)


def test_export_and_erasure_count_replies_reactions_and_files(
    member, other_member, general, django_capture_on_commit_callbacks
):
    asked = services.message_post(room=general, author=other_member, body="Question ?")
    with django_capture_on_commit_callbacks(execute=True):
        mine = services.message_post(
            room=general, author=member, body="Réponse", reply_to=asked.pk,
            files=[photo(), pdf()],
        )  # fmt: skip
    services.reaction_toggle(message=asked, user=member, reaction="like")
    services.reaction_toggle(message=mine, user=other_member, reaction="love")
    archive = zipfile.ZipFile(io.BytesIO(export_zip(member)))
    chat = json.loads(archive.read("chat.json"))
    [exported] = [m for m in chat["messages"] if m["id"] == mine.pk]
    assert exported["reply_to"] == asked.pk
    assert [f["name"] for f in exported["attachments"]] == [
        "vacances.webp",
        "compte-rendu.pdf",
    ]
    assert chat["reactions"][0]["reaction"] == "like"
    names = [a.file.name for a in Attachment.objects.all()]
    storage = Attachment.objects.first().file.storage
    with django_capture_on_commit_callbacks(execute=True):
        erase(member)
    assert not MessageReaction.objects.filter(user=member).exists()
    assert not Attachment.objects.exists()
    assert not any(storage.exists(name) for name in names)
    assert Message.objects.filter(pk=mine.pk).exists()  # the text stays, others' too
    assert MessageReaction.objects.filter(user=other_member).exists()


@pytest.mark.parametrize("count", [5, 60])
def test_the_room_page_stays_flat_with_replies_reactions_and_files(
    client_member, member, general, count, django_assert_max_num_queries
):
    people = [UserFactory() for _ in range(5)]
    with ratelimit.suspended():
        previous = None
        for n in range(count):
            previous = services.message_post(
                room=general, author=people[n % 5], body=f"Message {n} @{member}",
                reply_to=previous.pk if previous else None,
                files=[pdf(f"doc-{n}.pdf")] if n % 3 == 0 else [],
            )  # fmt: skip
            for person in people[:3]:
                services.reaction_toggle(message=previous, user=person, reaction="like")
    client_member.get("/")  # the session's once-a-login language sync
    # As the page without them (11), and the reactions and the attachments of
    # the page: one query each, whatever the number of messages.
    with django_assert_max_num_queries(13):
        response = client_member.get(general.get_absolute_url())
    assert response.content.decode().count('class="chat-quote" href') == min(
        count - 1, 50
    )


def test_a_new_conversations_first_message_counts_in_the_recipients_header(
    client_member, member, other_member
):
    room = services.conversation_for(user=other_member, others=[member])
    services.message_post(room=room, author=other_member, body="Bonjour !")
    html = client_member.get("/").content.decode()
    assert 'data-chat-unread><span class="count">1</span>' in html
    index = client_member.get(reverse("chat:index")).content.decode()
    assert f'data-room="{room.pk}"' in index
    assert "1 message non lu" in index


def test_times_are_in_the_members_zone(client_member, member, general):
    message = services.message_post(room=general, author=member, body="Midi")
    Message.objects.filter(pk=message.pk).update(created_at="2026-07-14T10:00:00Z")
    html = client_member.get(general.get_absolute_url()).content.decode()
    assert 'datetime="2026-07-14T12:00:00+02:00">12:00</time>' in html
    assert 'data-tz="Europe/Paris"' in html


def test_a_full_room_page_weighs_under_60_kb_compressed(client_member, member, general):
    """HTML, CSS and JavaScript of a room showing 50 messages, each a reply with
    reactions, some with files: under the 60 KB budget of a first load."""
    people = [UserFactory() for _ in range(5)]
    with ratelimit.suspended():
        previous = None
        for n in range(50):
            previous = services.message_post(
                room=general, author=people[n % 5],
                body=f"Message {n} : à quelle heure part le covoiturage de Lectoure ?",
                reply_to=previous.pk if previous else None,
                files=[pdf(f"doc-{n}.pdf")] if n % 5 == 0 else [],
            )  # fmt: skip
            for person in people[:2]:
                services.reaction_toggle(message=previous, user=person, reaction="like")
    html = client_member.get(general.get_absolute_url()).content
    # Raw, too: the menus of actions are not written once per message (84 KB
    # here; 156 KB when each message listed the reactions).
    assert len(html) < 100 * 1024, len(html)
    assets = re.findall(rb'(?:src|href)="/static/([^"]+\.(?:js|css))"', html)
    sizes = {"html": len(gzip.compress(html))}
    for asset in assets:
        path = finders.find(asset.decode())
        sizes[asset.decode()] = len(gzip.compress(Path(path).read_bytes()))
    assert "js/chat.js" in sizes and "css/chat.css" in sizes
    assert sum(sizes.values()) < 60 * 1024, sizes
