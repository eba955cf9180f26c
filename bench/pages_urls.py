"""The project's URLs plus `/bench-bare/`: the yardstick of `bench/pages.py`.

The bare page renders 50 rows from the ORM through a small template, behind the
same middleware as every page (session, login, CSP…), so that a page's ratio to it
is what the page adds to plain Django.
"""

from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

from members.models import User

_TEMPLATE = engines["django"].from_string(
    """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Bare</title></head><body><h1>{{ title }}</h1><table>
{% for user in rows %}<tr><td>{{ user.pk }}</td><td>{{ user.first_name }}</td>
<td>{{ user.last_name }}</td><td>{{ user.email }}</td>
<td>{{ user.date_joined|date:"j F Y" }}</td></tr>{% endfor %}
</table></body></html>"""
)


def bare(request):
    rows = User.objects.order_by("pk")[:50]
    return HttpResponse(_TEMPLATE.render({"title": "50 rows", "rows": rows}, request))


urlpatterns = [
    path("bench-bare/", bare),
    path("", include("intranet.urls")),
]
