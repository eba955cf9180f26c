from datetime import timedelta

import pytest
from django.utils import timezone

from activity import activity, services
from activity.models import FeedPost, PostReaction
from intranet import ratelimit
from tests.browser.conftest import axe_violations
from tests.browser.test_members_pages import log_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _older_posts(author, count):
    for n in range(count):
        with ratelimit.suspended():  # written over days, not in one minute
            post = services.post_create(author=author, body=f"Ancienne nouvelle {n}")
        moment = timezone.now() - timedelta(days=1, hours=n)
        FeedPost.objects.filter(pk=post.pk).update(created_at=moment)
        activity.redate(post, moment)


@pytest.mark.parametrize("width", [375, 1280])
def test_post_with_a_mention_react_and_see_more(new_page, width):
    me = UserFactory(
        email="camille@example.org", first_name="Camille", last_name="Roux"
    )
    bastien = UserFactory(first_name="Bastien", last_name="Dupouy")
    _older_posts(bastien, 24)
    page = new_page(width)
    log_in(page, "camille@example.org")
    page.goto("/fil/reseau/")
    assert axe_violations(page) == []

    # Write a post, mentioning Bastien through the suggestions, from the keyboard.
    page.get_by_text("Écrire une publication").click()
    box = page.get_by_label("Votre publication")
    box.press_sequentially("Merci @Bas")
    option = page.get_by_role("option", name="Bastien Dupouy")
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    box.press("Enter")
    assert box.input_value() == "Merci @Bastien Dupouy "
    box.press_sequentially("pour la remorque !")
    page.get_by_role("button", name="Publier").click()
    page.get_by_text("Votre publication est en ligne.").wait_for()
    post = FeedPost.objects.get(author=me)
    assert post.body == f"Merci @[{bastien.pk}] pour la remorque !"
    assert page.get_by_role("link", name="@Bastien Dupouy").first.is_visible()

    # React to Bastien's latest post: htmx swaps the reactions in place.
    page.goto("/fil/reseau/")
    first_post = page.locator("article.post").filter(has_text="Ancienne nouvelle 0")
    first_post.locator("summary").click()
    first_post.get_by_role("button", name="J'adore").click()
    first_post.locator(".reaction--mine").wait_for()
    assert PostReaction.objects.filter(user=me, reaction="love").exists()
    assert page.url.endswith("/fil/reseau/")  # no reload

    # "Voir plus" appends the older entries and moves the focus to them.
    assert page.locator("article.post").count() == 20
    page.get_by_role("link", name="Voir plus").click()
    page.get_by_text("Ancienne nouvelle 23").wait_for()
    assert page.locator("article.post").count() == 25
    focused = page.evaluate("document.activeElement.textContent")
    assert "Ancienne nouvelle" in focused
    assert axe_violations(page) == []


def test_post_page_and_dashboard_are_accessible(new_page):
    me = UserFactory(
        email="camille@example.org", first_name="Camille", last_name="Roux"
    )
    other = UserFactory()
    post = services.post_create(author=other, body="Une **grange** à visiter")
    services.comment_create(post=post, author=me, body="J'arrive !")
    services.reaction_toggle(post=post, user=me, reaction="like")
    for width in (375, 1280):
        page = new_page(width)
        log_in(page, "camille@example.org")
        page.goto(f"/fil/publications/{post.pk}/")
        assert page.get_by_text("J'arrive !").is_visible()
        assert axe_violations(page) == []
        page.goto("/")
        assert axe_violations(page) == []
