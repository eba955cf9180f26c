"""The broadband test's endpoints: the server's CPU per MB sent or received.

    .venv/bin/python bench/speedtest.py [--megabytes 512]

On a throw-away SQLite file with one member, through Django's WSGI handler (the
test client: the whole middleware stack, no socket), measures the process's CPU
time for:

- the download streamed by Django (`DJANGO_SPEEDTEST_NGINX=0`), in 32 MB answers;
- the download handed to nginx (`X-Accel-Redirect`): Django's cost per answer,
  whatever its size (nginx's own cost is `sendfile` from the page cache);
- the upload read and discarded, in 16 MB requests.

Prints CPU milliseconds per MB and per request.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/sohosolo-bench-speedtest.sqlite3")
os.environ.setdefault("DJANGO_VAR_DIR", "/tmp/sohosolo-bench-speedtest-var")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=int, default=512)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from intranet import ratelimit
    from members.models import User
    from territory import transfers

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    user, _ = User.objects.get_or_create(
        email="bench-speedtest@example.org", defaults={"first_name": "Bench"}
    )
    client = Client()
    client.force_login(user)
    transfers.file_path()  # written once, outside the measure
    mb = 1024 * 1024
    per_answer = transfers.MAX_DOWNLOAD_BYTES
    answers = max(1, args.megabytes * mb // per_answer)

    with ratelimit.suspended():
        settings.SPEEDTEST_NGINX = False
        client.get("/debit/mesure/ping/")  # warm
        start = time.process_time()
        sent = 0
        for _ in range(answers):
            response = client.get("/debit/mesure/descente/")
            for chunk in response.streaming_content:
                sent += len(chunk)
        cpu = time.process_time() - start
        print(
            f"download by Django: {sent / mb:.0f} MB in {answers} answers, "
            f"{cpu * 1000 / (sent / mb):.2f} ms CPU per MB "
            f"({cpu * 1000 / answers:.1f} ms per 32 MB answer)"
        )

        settings.SPEEDTEST_NGINX = True
        runs = 200
        start = time.process_time()
        for _ in range(runs):
            client.get("/debit/mesure/descente/", headers={"range": "bytes=0-33554431"})
        cpu = time.process_time() - start
        print(
            f"download by nginx (X-Accel-Redirect): {cpu * 1000 / runs:.2f} ms CPU "
            f"in Django per answer, up to 32 MB each "
            f"({cpu * 1000 / runs / 32:.3f} ms per MB at the largest size)"
        )

        body = os.urandom(transfers.MAX_UPLOAD_BYTES)
        uploads = max(1, args.megabytes * mb // len(body))
        start = time.process_time()
        for _ in range(uploads):
            client.post(
                "/debit/mesure/montee/", body, content_type="application/octet-stream"
            )
        cpu = time.process_time() - start
        received = uploads * len(body) / mb
        print(
            f"upload read and discarded: {received:.0f} MB in {uploads} requests, "
            f"{cpu * 1000 / received:.2f} ms CPU per MB"
        )


if __name__ == "__main__":
    main()
