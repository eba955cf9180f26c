"""WebSocket routes of every app, gathered in one list for `asgi.py`.

Each app that talks over WebSocket adds its `websocket_urlpatterns` here.
"""

websocket_urlpatterns: list = []
