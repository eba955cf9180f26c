import os

from django.core.wsgi import get_wsgi_application

from intranet.heap import settle

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings")

application = get_wsgi_application()

# Last: what the application loaded stays out of the collector's walks.
settle()
