"""How long reading one feed page takes as the entries pile up.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_feed \\
        .venv/bin/python bench/feed_read.py --entries 200000

Builds (once, in the database given; default: a throw-away SQLite file) members,
committees, follows and posts, then writes `--entries` feed entries straight into
actstream's table (the services would take hours for that volume), and times
`activity.feed.read` for « Mon fil », the network and a committee: median and 95th
percentile over 30 reads, with the number of SQL queries of one read.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/sohosolo-bench-feed.sqlite3")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--members", type=int, default=2_000)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    from actstream.models import Action
    from django.contrib.contenttypes.models import ContentType

    from activity import activity, feed
    from activity.models import FeedPost
    from committees.models import CommitteeMembership, CommitteePage
    from members.models import User

    if not CommitteePage.objects.exists():
        call_command("seed_demo", members=280, committees=50, verbosity=0)
    committees = list(CommitteePage.objects.all())
    rng = random.Random(7)
    existing = User.objects.count()
    User.objects.bulk_create(
        User(email=f"bench{n}@example.org", first_name="Banc", last_name=f"N{n}")
        for n in range(existing, args.members)
    )
    users = list(User.objects.all())
    missing = args.entries - Action.objects.count()
    if missing > 0:
        print(f"writing {missing} entries…", flush=True)
        authors = rng.choices(users, k=2_000)
        posts = FeedPost.objects.bulk_create(
            FeedPost(author=a, body="Banc d'essai", committee=rng.choice(committees))
            for a in authors
        )
        user_type = ContentType.objects.get_for_model(User)
        post_type = ContentType.objects.get_for_model(FeedPost)
        committee_type = ContentType.objects.get_for_model(CommitteePage)
        for start in range(0, missing, 10_000):
            batch = []
            for _ in range(min(10_000, missing - start)):
                post = rng.choice(posts)
                batch.append(
                    Action(
                        actor_content_type=user_type,
                        actor_object_id=str(post.author_id),
                        verb=activity.POSTED,
                        action_object_content_type=post_type,
                        action_object_object_id=str(post.pk),
                        target_content_type=committee_type,
                        target_object_id=str(post.committee_id),
                    )
                )
            Action.objects.bulk_create(batch)
    reader = users[0]
    for other in rng.sample(users, 40):
        activity.follow(reader, other)
    CommitteeMembership.objects.get_or_create(user=reader, committee=committees[0])

    print(f"{Action.objects.count()} entries, {User.objects.count()} members")
    for name, where in (
        ("mon fil", feed.my_feed(reader)),
        ("network", feed.network_feed(reader)),
        ("committee", feed.committee_feed(committees[0])),
    ):
        with CaptureQueriesContext(connection) as queries:
            feed.read(reader, where)
        timings = []
        for _ in range(30):
            started = time.perf_counter()
            page = feed.read(reader, where)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        print(
            f"{name:10} median {statistics.median(timings):6.1f} ms  "
            f"p95 {timings[int(len(timings) * 0.95) - 1]:6.1f} ms  "
            f"{len(queries)} queries  {len(page.entries)} entries"
        )


if __name__ == "__main__":
    main()
